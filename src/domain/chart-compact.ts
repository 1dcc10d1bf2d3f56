/**
 * Score bars compact enough for a printed A4 briefing: one line per row (the label on the left,
 * the bar in the middle, the value on the right) and, where a party has scores from both
 * assessors, one thin bar for each, named in its value ("Independent 56%"). A row that is not
 * rated is a hatched band with "not rated" as its value, never an empty bar, as on screen.
 */
import { CHART_INK, estimateTextWidth, fitText, type ChartLayout, type ChartWords, type Mark } from './chart-layout';
import { formatPercentInLanguage } from '../i18n/format';

/** One row: its label and one score (0..1, null: not rated) per assessor shown. */
export interface CompactBarRow {
  label: string;
  bars: { name: string; score: number | null }[];
}

const BAR = 11;
const BAR_GAP = 3;
const ROW_GAP = 7;
const AXIS_BAND = 16;
const SIZE = 11;

/** The rows laid out at `width` (the printed page's text width, in CSS pixels). */
export function layoutCompactBars(rows: readonly CompactBarRow[], width: number, words: ChartWords, colorOf: (score: number | null) => string): ChartLayout {
  const marks: Mark[] = [];
  const named = rows.some((r) => r.bars.length > 1);
  const valueTexts = rows.flatMap((r) => r.bars.map((b) => `${named ? `${b.name} ` : ''}${b.score === null ? words.notRated : formatPercentInLanguage(words.lang, b.score)}`));
  const valueW = Math.ceil(Math.max(...valueTexts.map((t) => estimateTextWidth(t, SIZE)), 30)) + 8;
  const labelW = Math.round(width * 0.4);
  const barX = labelW + 6;
  const barW = Math.max(60, width - barX - valueW);
  let y = 0;
  const rowTops: number[] = [];
  for (const row of rows) {
    rowTops.push(y);
    y += row.bars.length * BAR + (row.bars.length - 1) * BAR_GAP + ROW_GAP;
  }
  const plotBottom = y - ROW_GAP + 2;
  for (const tick of [0, 0.5, 1]) {
    const x = Math.round(barX + tick * barW) + 0.5;
    marks.push({ kind: 'line', x1: x, y1: 0, x2: x, y2: plotBottom, stroke: CHART_INK.grid, width: 1 });
    marks.push({ kind: 'text', x, y: plotBottom + 12, text: formatPercentInLanguage(words.lang, tick), size: 9, anchor: tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle', fill: CHART_INK.muted });
  }
  rows.forEach((row, i) => {
    const top = rowTops[i]!;
    const rowH = row.bars.length * BAR + (row.bars.length - 1) * BAR_GAP;
    marks.push({ kind: 'text', x: 0, y: top + rowH / 2 + 4, text: fitText(row.label, SIZE, labelW), size: SIZE, anchor: 'start', fill: CHART_INK.text });
    row.bars.forEach((bar, j) => {
      const barY = top + j * (BAR + BAR_GAP);
      const value = `${named ? `${bar.name} ` : ''}${bar.score === null ? words.notRated : formatPercentInLanguage(words.lang, bar.score)}`;
      if (bar.score === null) {
        marks.push({ kind: 'rect', x: barX, y: barY, w: barW, h: BAR, fill: CHART_INK.track, hatch: true, stroke: CHART_INK.hatch });
      } else {
        marks.push({ kind: 'rect', x: barX, y: barY, w: barW, h: BAR, fill: CHART_INK.track });
        marks.push({ kind: 'rect', x: barX, y: barY, w: Math.max(2, Math.min(1, Math.max(0, bar.score)) * barW), h: BAR, fill: colorOf(bar.score), stroke: CHART_INK.text });
      }
      marks.push({ kind: 'text', x: width, y: barY + BAR - 2, text: value, size: SIZE, anchor: 'end', weight: bar.score === null ? undefined : 'bold', fill: bar.score === null ? CHART_INK.muted : CHART_INK.text });
    });
  });
  return { width, height: plotBottom + AXIS_BAND, marks };
}
