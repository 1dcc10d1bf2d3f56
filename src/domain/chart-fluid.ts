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

/** Attributes the root `<svg>` sets once (inherited by every mark that does not say otherwise). */
const ROOT = { fontSize: 11, fill: CHART_INK.text, strokeWidth: 1 } as const;

/** One mark with its horizontal coordinates as a share of `width`; `tipShown`: the previous mark carries the same tooltip. */
function fluidMark(mark: Mark, width: number, hatchId: string, tipShown: boolean): string {
  const pc = (x: number) => `${(Math.round((x / width) * 1000) / 10).toString()}%`;
  // A bar over its track says what the track says: the pointer passes through it to the track's tooltip.
  const tip = 'tip' in mark && mark.tip ? (tipShown ? '' : `<title>${escapeXml(mark.tip)}</title>`) : '';
  const through = tipShown ? ' pointer-events="none"' : '';
  const strokeWidth = (w: number) => (w === ROOT.strokeWidth ? '' : ` stroke-width="${w}"`);
  switch (mark.kind) {
    case 'rect':
      return `<rect x="${pc(mark.x)}" y="${px(mark.y)}" width="${pc(mark.w)}" height="${px(mark.h)}" fill="${mark.hatch ? `url(#${hatchId})` : mark.fill}"${mark.stroke ? ` stroke="${mark.stroke}" stroke-width=".75"` : ''}${mark.hatch ? ' stroke-dasharray="3 2"' : ''}${through}>${tip}</rect>`;
    case 'line':
      return `<line x1="${pc(mark.x1)}" y1="${px(mark.y1)}" x2="${pc(mark.x2)}" y2="${px(mark.y2)}" stroke="${mark.stroke}"${strokeWidth(mark.width)}${mark.dash ? ` stroke-dasharray="${mark.dash}"` : ''}/>`;
    case 'circle':
      return `<circle cx="${pc(mark.cx)}" cy="${px(mark.cy)}" r="${mark.r}" fill="${mark.fill}" stroke="${mark.stroke}" stroke-width="1.5"${through}>${tip}</circle>`;
    case 'text':
      return `<text x="${pc(mark.x)}" y="${px(mark.y)}"${mark.size === ROOT.fontSize ? '' : ` font-size="${mark.size}"`}${mark.anchor === 'start' ? '' : ` text-anchor="${mark.anchor}"`}${mark.weight ? ' font-weight="700"' : ''}${mark.fill && mark.fill !== ROOT.fill ? ` fill="${mark.fill}"` : ''}>${escapeXml(mark.text)}</text>`;
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
    body += fluidMark(mark, width, hatchId, tip !== undefined && tip === lastTip);
    lastTip = tip;
  }
  return `<svg class="chart-svg" width="100%" height="${height}" font-size="${ROOT.fontSize}" fill="${ROOT.fill}" stroke-width="${ROOT.strokeWidth}" aria-hidden="true" focusable="false">${hatched ? `<defs>${hatchPatternSvg(hatchId)}</defs>` : ''}${body}</svg>`;
}
