/**
 * A chart as a standalone SVG file, as the downloads serve it (and resvg turns into PNG): the
 * title, the legend, the plot (chart-layout.ts, the same marks the page draws), then the source,
 * the date and the address, all inside the image so that a copy carries its provenance.
 */
import { CHART_INK, estimateTextWidth, layoutChart, wrapText, type ChartLayout, type ChartSpec, type ChartWords, type Mark } from './chart-layout';
import { escapeXml } from './xml';

/** Width of a downloaded chart, in pixels. */
export const CHART_FILE_WIDTH = 760;
const PAD = 24;

/** What a downloaded chart says about itself. */
export interface ChartFileText {
  title: string;
  /** e.g. "Independent assessments; not rated: no published assessment". */
  subtitle?: string;
  /** "Source: …" in full. */
  source: string;
  /** "Data as of 5 Dec 2026" in the page's language. */
  date: string;
  /** The page the chart belongs to. */
  url: string;
  words: ChartWords;
  legend: { label: string; color: string }[];
  /** The font family resvg has (Sarabun, which draws Thai). */
  fontFamily: string;
}

/** The hatch pattern a "not rated" band is filled with; `id` must be unique in the page. */
export function hatchPatternSvg(id: string): string {
  return `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${CHART_INK.track}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${CHART_INK.hatch}" stroke-width="2"/></pattern>`;
}

const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** One mark as SVG markup (the hatch refers to the pattern `hatchId`). */
export function markSvg(mark: Mark, hatchId: string): string {
  const tip = 'tip' in mark && mark.tip ? `<title>${escapeXml(mark.tip)}</title>` : '';
  switch (mark.kind) {
    case 'rect':
      return `<rect x="${n(mark.x)}" y="${n(mark.y)}" width="${n(mark.w)}" height="${n(mark.h)}" fill="${mark.hatch ? `url(#${hatchId})` : mark.fill}"${mark.stroke ? ` stroke="${mark.stroke}" stroke-width="0.75"` : ''}${mark.hatch ? ' stroke-dasharray="3 2"' : ''}>${tip}</rect>`;
    case 'line':
      return `<line x1="${n(mark.x1)}" y1="${n(mark.y1)}" x2="${n(mark.x2)}" y2="${n(mark.y2)}" stroke="${mark.stroke}" stroke-width="${mark.width}"${mark.dash ? ` stroke-dasharray="${mark.dash}"` : ''}/>`;
    case 'path':
      return `<path d="${mark.d}" fill="none" stroke="${mark.stroke}" stroke-width="${mark.width}"/>`;
    case 'circle':
      return `<circle cx="${n(mark.cx)}" cy="${n(mark.cy)}" r="${mark.r}" fill="${mark.fill}" stroke="${mark.stroke}" stroke-width="1.5">${tip}</circle>`;
    case 'text':
      return `<text x="${n(mark.x)}" y="${n(mark.y)}" font-size="${mark.size}" text-anchor="${mark.anchor}"${mark.weight ? ' font-weight="700"' : ''} fill="${mark.fill ?? CHART_INK.text}">${escapeXml(mark.text)}</text>`;
  }
}

/** A laid-out chart's marks as an SVG group. */
export function plotSvg(layout: ChartLayout, hatchId: string): string {
  return layout.marks.map((m) => markSvg(m, hatchId)).join('');
}

/** The whole downloadable chart as an SVG document. */
export function renderChartFile(spec: ChartSpec, text: ChartFileText, colorOf: (score: number | null) => string): string {
  const width = CHART_FILE_WIDTH;
  const inner = width - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  for (const line of wrapText(text.title, 22, inner)) {
    y += 26;
    parts.push(`<text x="${PAD}" y="${y}" font-size="22" font-weight="700" fill="${CHART_INK.text}">${escapeXml(line)}</text>`);
  }
  if (text.subtitle) {
    for (const line of wrapText(text.subtitle, 14, inner)) {
      y += 20;
      parts.push(`<text x="${PAD}" y="${y}" font-size="14" fill="${CHART_INK.muted}">${escapeXml(line)}</text>`);
    }
  }
  if (text.legend.length > 0) {
    y += 14;
    let x = PAD;
    for (const item of text.legend) {
      const itemWidth = 22 + estimateTextWidth(item.label, 13) + 18;
      if (x > PAD && x + itemWidth > width - PAD) {
        x = PAD;
        y += 20;
      }
      parts.push(`<line x1="${x}" y1="${y + 6}" x2="${x + 16}" y2="${y + 6}" stroke="${item.color}" stroke-width="3"/><circle cx="${x + 8}" cy="${y + 6}" r="4" fill="${item.color}"/>`);
      parts.push(`<text x="${x + 22}" y="${y + 11}" font-size="13" fill="${CHART_INK.text}">${escapeXml(item.label)}</text>`);
      x += itemWidth;
    }
    y += 12;
  }
  y += 16;
  const layout = layoutChart(spec, inner, text.words, colorOf);
  parts.push(`<g transform="translate(${PAD},${y})">${plotSvg(layout, 'hatch')}</g>`);
  y += layout.height + 14;
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${width - PAD}" y2="${y}" stroke="${CHART_INK.grid}"/>`);
  for (const line of [...wrapText(text.source, 12, inner), ...wrapText(`${text.date} · ${text.url}`, 12, inner)]) {
    y += 17;
    parts.push(`<text x="${PAD}" y="${y}" font-size="12" fill="${CHART_INK.muted}">${escapeXml(line)}</text>`);
  }
  const height = Math.ceil(y + PAD);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(text.fontFamily)}" lang="${escapeXml(text.words.lang)}">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<defs>${hatchPatternSvg('hatch')}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    '</svg>',
  ].join('');
}
