/**
 * A laid-out chart (chart-layout.ts) as inline SVG that fits any width without JavaScript and
 * without scaling its text: horizontal positions are written as percentages of the width the
 * chart was laid out at, vertical ones in pixels, and the lines drawn as paths sit in a nested
 * SVG stretched across the width (their strokes do not stretch). The page draws it on the server
 * at a phone's width, so from 358 px up to a desktop column it shows the same marks as the
 * downloaded file (chart-svg.ts), with each value in a native `<title>` tooltip.
 */
import { CHART_INK, type ChartLayout, type Mark } from './chart-layout';
import { hatchPatternSvg } from './chart-svg';
import { escapeXml } from './xml';

/** Width the server lays a page's charts out at: a 390 px phone less the page's padding. */
export const PAGE_CHART_WIDTH = 358;

const px = (v: number) => (Math.round(v * 10) / 10).toString();

/** What the root `<svg>` sets once, inherited by every mark that does not say otherwise. */
interface RootDefaults {
  fontSize: number;
  fill: string;
  bold: boolean;
  anchor: 'start' | 'middle' | 'end';
}

/** The commonest value of `pick` over `items` (the first seen on a tie). */
function commonest<T, V>(items: readonly T[], pick: (item: T) => V, fallback: V): V {
  const counts = new Map<V, number>();
  for (const item of items) counts.set(pick(item), (counts.get(pick(item)) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [value, n] of counts) if (n > most) [best, most] = [value, n];
  return best;
}

/** One mark with its horizontal coordinates as a share of `width`; `tipShown`: the previous mark carries the same tooltip. */
function fluidMark(mark: Mark, width: number, hatchId: string, tipShown: boolean, root: RootDefaults): string {
  const pc = (x: number) => `${(Math.round((x / width) * 1000) / 10).toString()}%`;
  // A bar over its track says what the track says: the pointer passes through it to the track's tooltip.
  const tip = 'tip' in mark && mark.tip ? (tipShown ? '' : `<title>${escapeXml(mark.tip)}</title>`) : '';
  const through = tipShown ? ' pointer-events="none"' : '';
  switch (mark.kind) {
    case 'rect':
      if (mark.fixed) return `<svg x="${pc(mark.x + mark.w / 2)}" overflow="visible"><rect x="${px(-mark.w / 2)}" y="${px(mark.y)}" width="${px(mark.w)}" height="${px(mark.h)}" fill="${mark.fill}"/></svg>`;
      return `<rect x="${pc(mark.x)}" y="${px(mark.y)}" width="${pc(mark.w)}" height="${px(mark.h)}" fill="${mark.hatch ? `url(#${hatchId})` : mark.fill}"${mark.stroke ? ` stroke="${mark.stroke}" stroke-width=".75"` : ''}${mark.hatch ? ' stroke-dasharray="3 2"' : ''}${through}>${tip}</rect>`;
    case 'line':
      return `<line x1="${pc(mark.x1)}" y1="${px(mark.y1)}" x2="${pc(mark.x2)}" y2="${px(mark.y2)}" stroke="${mark.stroke}"${mark.width === 1 ? '' : ` stroke-width="${mark.width}"`}${mark.dash ? ` stroke-dasharray="${mark.dash}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${pc(mark.cx)}" cy="${px(mark.cy)}" r="${mark.r}" fill="${mark.fill}" stroke="${mark.stroke}" stroke-width="1.5"${through}>${tip}</circle>`;
    case 'text': {
      const fill = mark.fill ?? CHART_INK.text;
      const bold = mark.weight === 'bold';
      return `<text x="${pc(mark.x)}" y="${px(mark.y)}"${mark.size === root.fontSize ? '' : ` font-size="${mark.size}"`}${mark.anchor === root.anchor ? '' : ` text-anchor="${mark.anchor}"`}${bold === root.bold ? '' : ` font-weight="${bold ? 700 : 400}"`}${fill === root.fill ? '' : ` fill="${fill}"`}>${escapeXml(mark.text)}</text>`;
    }
    case 'path':
      return '';
  }
}

/**
 * The chart as an `<svg>` element 100% wide and `layout.height` pixels high. `hatchId` must be
 * unique in the page (it names the "not rated" pattern).
 */
export function fluidChartSvg(layout: ChartLayout, hatchId: string): string {
  const { width, height, marks } = layout;
  const hatched = marks.some((m) => m.kind === 'rect' && m.hatch);
  const paths = marks.filter((m): m is Extract<Mark, { kind: 'path' }> => m.kind === 'path');
  // Paths cannot take percentages: they go in a nested SVG stretched to the width, drawn before the dots.
  const stretched = paths.length
    ? `<svg width="100%" height="${height}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" overflow="visible">${paths.map((p) => `<path d="${p.d}" fill="none" stroke="${p.stroke}" stroke-width="${p.width}" vector-effect="non-scaling-stroke"/>`).join('')}</svg>`
    : '';
  // The texts' commonest size, colour, weight and anchor go on the root once (the markup is inline in every page).
  const texts = marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text');
  const root: RootDefaults = {
    fontSize: commonest(texts, (t) => t.size, 11),
    fill: commonest(texts, (t) => t.fill ?? CHART_INK.text, CHART_INK.text as string),
    bold: commonest(texts, (t) => t.weight === 'bold', false),
    anchor: commonest(texts, (t) => t.anchor, 'start' as const),
  };
  let body = '';
  let pathsDrawn = false;
  let lastTip: string | undefined;
  for (const mark of marks) {
    if (mark.kind === 'path') {
      if (!pathsDrawn) body += stretched;
      pathsDrawn = true;
      continue;
    }
    const tip = 'tip' in mark ? mark.tip : undefined;
    body += fluidMark(mark, width, hatchId, tip !== undefined && tip === lastTip, root);
    lastTip = tip;
  }
  return `<svg class="chart-svg" width="100%" height="${height}" font-size="${root.fontSize}" fill="${root.fill}"${root.bold ? ' font-weight="700"' : ''}${root.anchor === 'start' ? '' : ` text-anchor="${root.anchor}"`} stroke-width="1" aria-hidden="true" focusable="false">${hatched ? `<defs>${hatchPatternSvg(hatchId)}</defs>` : ''}${body}</svg>`;
}
