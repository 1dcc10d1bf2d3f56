/**
 * The monitor's charts as data: a chart spec (bars of scores, or series over time) is laid out
 * at a given width into plain marks (rectangles, lines, dots, texts) with no DOM and no React.
 * The same marks are drawn by the chart islands in the browser (src/islands/) and serialised to a
 * standalone SVG for downloads (chart-svg.ts), so the page, the file and the PNG never disagree.
 *
 * Rules the layouts keep (issue 14): a score that is not rated is a hatched band labelled "not
 * rated", never an empty bar that reads as 0%; time runs on a time scale (a 1-day and a 24-day
 * gap are spaced by time) up to the page's day; indicator series are dots, joined only between
 * comparable observations; one number format per axis; the plot uses the whole width.
 */
import { formatPercentInLanguage } from '../i18n/format';

/** Something drawn: coordinates in the chart's own pixels, origin top left. */
export type Mark =
  /** `fixed`: a label's background, which keeps its width in pixels around its centre when a fluid chart is wider than laid out. */
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; hatch?: boolean; stroke?: string; tip?: string; fixed?: boolean }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: string }
  | { kind: 'path'; d: string; stroke: string; width: number }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string; tip?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; anchor: 'start' | 'middle' | 'end'; weight?: 'bold'; fill?: string };

/** A laid-out chart: its size and what to draw. */
export interface ChartLayout {
  width: number;
  height: number;
  marks: Mark[];
}

/** One bar: a score from 0 to 1 (null: not rated) and the share of commitments rated. */
export interface ScoreBarDatum {
  label: string;
  score: number | null;
  coverage: number | null;
}

/** How an axis and a table write a series' values. */
export type ValueUnit = 'count' | 'usd' | 'usd_per_year' | 'thb' | 'count_per_day';

/** One observation in a series over time. */
export interface TimePoint {
  /** ISO date the observation is dated on (an indicator's period end). */
  date: string;
  value: number;
  /** The top of a range (an estimate given as "18–37 billion"). */
  high?: number | null;
  /**
   * Observations with the same non-null group are comparable (same start of period and same
   * publisher), and only they are joined by a line; null stands alone as a dot.
   */
  group?: string | null;
}

/** A series drawn over time. */
export interface TimeSeries {
  key: string;
  label: string;
  color: string;
  points: TimePoint[];
  /**
   * `step`: a running count (signatures to date), which truly holds between events and is drawn
   * as a step up to the end date, with a dot at each event. `dots`: observations (indicators),
   * drawn as dots, lines only between comparable ones.
   */
  style: 'step' | 'dots';
}

/** Bars of scores. */
export interface BarsSpec {
  kind: 'bars';
  bars: ScoreBarDatum[];
}

/** Series over time, on a time scale ending at `endDate`. */
export interface TimeSpec {
  kind: 'time';
  series: TimeSeries[];
  /** Last day of the time axis: the page's day (its `as_of`), today by default. */
  endDate: string;
  /** First day of the axis; by default the earliest observation. */
  startDate?: string;
  unit: ValueUnit;
}

export type ChartSpec = BarsSpec | TimeSpec;

/** Words the layouts write, in the page's language. */
export interface ChartWords {
  /** BCP 47 tag for Intl. */
  lang: string;
  notRated: string;
  coverage: string;
}

/** Colours of the chart furniture (the status and series colours come with the data). */
export const CHART_INK = { text: '#1b1f24', muted: '#4a5360', grid: '#e5e7eb', track: '#f4f6f9', hatch: '#8a94a3', axis: '#9aa3ad' } as const;

/** Rough advance width of text (no font metrics on the server): enough to keep labels apart. */
export function estimateTextWidth(text: string, size: number): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Thai vowel and tone marks above or below a consonant take no width of their own.
    if ((code >= 0x0e31 && code <= 0x0e3a && code !== 0x0e32 && code !== 0x0e33) || (code >= 0x0e47 && code <= 0x0e4e)) continue;
    units += /[ .,:;'|il1]/.test(ch) ? 0.32 : /[A-Z%MW@]/.test(ch) ? 0.72 : 0.6;
  }
  return units * size;
}

/** `text` cut with an ellipsis to fit `width` pixels at `size`. */
export function fitText(text: string, size: number, width: number): string {
  if (estimateTextWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && estimateTextWidth(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** Lines of at most `width` pixels (breaking at spaces; Thai, written without spaces, at any character). */
export function wrapText(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const tokens = text.split(/(\s+)/).filter((s) => s.length > 0);
  for (const token of tokens) {
    const next = line + token;
    if (estimateTextWidth(next.trimEnd(), size) <= width) {
      line = next;
      continue;
    }
    if (line.trim()) lines.push(line.trim());
    line = /^\s+$/.test(token) ? '' : token;
    while (estimateTextWidth(line, size) > width) {
      const chars = [...line];
      let cut = chars.length;
      while (cut > 1 && estimateTextWidth(chars.slice(0, cut).join(''), size) > width) cut--;
      lines.push(chars.slice(0, cut).join(''));
      line = chars.slice(cut).join('');
    }
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}

/**
 * Intl formatters by language and options: making one costs tens of microseconds, using one
 * about a microsecond, and a page formats hundreds of values with a handful of formats.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(lang, options)));
  return f;
}
function dateFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(lang, options)));
  return f;
}

/** The exact value for tables and tooltips: every digit, grouped in the page's language (39,918; US$18,000,000,000). */
export function formatExactValue(lang: string, unit: ValueUnit | string, value: number): string {
  const currency = unit === 'usd' || unit === 'usd_per_year' ? 'USD' : unit === 'thb' ? 'THB' : null;
  const options: Intl.NumberFormatOptions = currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 2 };
  return numberFormat(lang, options).format(value);
}

/** An exact value or range, as a table cell shows it (`US$18,000,000,000–US$37,000,000,000`). */
export function formatExactRange(lang: string, unit: ValueUnit | string, value: number, high: number | null = null): string {
  const one = (v: number) => formatExactValue(lang, unit, v);
  return high !== null && high !== value ? `${one(value)}–${one(high)}` : one(value);
}

/**
 * One formatter for every tick of a value axis, chosen from the axis's largest tick: compact
 * (100K, 400K) for all ticks when it reaches 100,000 or the unit is money, full digits for all
 * otherwise. Never a mix of "340k" and "85,000" on one axis.
 */
export function axisFormatter(lang: string, unit: ValueUnit | string, maxTick: number): (value: number) => string {
  const currency = unit === 'usd' || unit === 'usd_per_year' ? 'USD' : unit === 'thb' ? 'THB' : null;
  const compact = currency !== null || Math.abs(maxTick) >= 100_000;
  const f = numberFormat(lang, {
    ...(currency ? { style: 'currency', currency } : {}),
    ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
  });
  return (value) => f.format(value);
}

/** Round tick values from 0 to at least `max` (steps of 1, 2 or 5 times a power of ten). */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, step);
  const top = Math.ceil(max / whole) * whole;
  const ticks: number[] = [];
  for (let v = 0; v <= top + whole / 2; v += whole) ticks.push(Math.round(v * 1e6) / 1e6);
  return ticks;
}

const DAY = 86_400_000;
/** Milliseconds since 1970 of an ISO date, at midnight UTC. */
export function dayMs(isoDate: string): number {
  return Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** A time axis's ticks: dates on whole days, months or years, at most `maxTicks` of them. */
export function timeTicks(startMs: number, endMs: number, maxTicks: number): { ms: number; unit: 'day' | 'month' | 'year' }[] {
  const spanDays = (endMs - startMs) / DAY;
  const limit = Math.max(2, maxTicks);
  const dayStep = [1, 2, 7, 14].find((d) => spanDays / d <= limit);
  if (dayStep !== undefined && spanDays <= 62) {
    const ticks = [];
    for (let ms = startMs; ms <= endMs; ms += dayStep * DAY) ticks.push({ ms, unit: 'day' as const });
    return ticks;
  }
  const start = new Date(startMs);
  const months = (new Date(endMs).getUTCFullYear() - start.getUTCFullYear()) * 12 + new Date(endMs).getUTCMonth() - start.getUTCMonth();
  const monthStep = [1, 2, 3, 6].find((m) => months / m <= limit);
  if (monthStep !== undefined) {
    const ticks = [];
    for (let i = 1; ; i++) {
      const ms = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i * monthStep - (start.getUTCMonth() % monthStep), 1);
      if (ms > endMs) break;
      if (ms >= startMs) ticks.push({ ms, unit: 'month' as const });
    }
    return ticks;
  }
  const years = new Date(endMs).getUTCFullYear() - start.getUTCFullYear();
  const yearStep = [1, 2, 5, 10, 20, 50].find((y) => years / y <= limit) ?? 100;
  const ticks = [];
  for (let y = Math.ceil((start.getUTCFullYear() + (startMs > Date.UTC(start.getUTCFullYear(), 0, 1) ? 1 : 0)) / yearStep) * yearStep; ; y += yearStep) {
    const ms = Date.UTC(y, 0, 1);
    if (ms > endMs) break;
    ticks.push({ ms, unit: 'year' as const });
  }
  return ticks;
}

/** A tick's date label in the page's language (Thai pages count years in the Buddhist era). */
export function formatTickDate(lang: string, ms: number, unit: 'day' | 'month' | 'year'): string {
  const options: Intl.DateTimeFormatOptions = unit === 'year' ? { year: 'numeric' } : unit === 'month' ? { month: 'short', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return dateFormat(lang, { ...options, timeZone: 'UTC' }).format(new Date(ms));
}

/** A day as the tooltips write it. */
export function formatChartDate(lang: string, isoDate: string): string {
  return dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(dayMs(isoDate)));
}

const BAR_ROW = 60;
const BAR_HEIGHT = 16;
const AXIS_BAND = 22;

/**
 * Score bars, one row each: the label and the value on one line, the bar below it across the
 * whole width (0 to 100%). A bar with no score is a hatched band with "not rated" written in it.
 */
export function layoutScoreBars(bars: readonly ScoreBarDatum[], width: number, words: ChartWords, colorOf: (score: number | null) => string): ChartLayout {
  const marks: Mark[] = [];
  const w = Math.max(120, width);
  const height = bars.length * BAR_ROW + AXIS_BAND;
  const plotBottom = bars.length * BAR_ROW - 4;
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    const x = Math.round(tick * (w - 1)) + 0.5;
    marks.push({ kind: 'line', x1: x, y1: 0, x2: x, y2: plotBottom, stroke: CHART_INK.grid, width: 1 });
    marks.push({ kind: 'text', x: tick === 0 ? 0 : tick === 1 ? w : x, y: plotBottom + 15, text: formatPercentInLanguage(words.lang, tick), size: 11, anchor: tick === 0 ? 'start' : tick === 1 ? 'end' : 'middle', fill: CHART_INK.muted });
  }
  bars.forEach((bar, i) => {
    const top = i * BAR_ROW;
    // The label and the score on the first line, the bar across the whole width, the coverage under it.
    const scoreText = bar.score === null ? words.notRated : formatPercentInLanguage(words.lang, bar.score);
    const coverageText = bar.coverage === null || bar.score === null ? '' : `${words.coverage} ${formatPercentInLanguage(words.lang, bar.coverage)}`;
    const scoreWidth = estimateTextWidth(scoreText, 13) * 1.15;
    marks.push({ kind: 'text', x: 0, y: top + 14, text: fitText(bar.label, 13, Math.max(40, (w - scoreWidth - 12) / 1.15)), size: 13, anchor: 'start', weight: 'bold', fill: CHART_INK.text });
    marks.push({ kind: 'text', x: w, y: top + 14, text: scoreText, size: 13, anchor: 'end', weight: bar.score === null ? undefined : 'bold', fill: bar.score === null ? CHART_INK.muted : CHART_INK.text });
    if (coverageText) marks.push({ kind: 'text', x: 0, y: top + 50, text: coverageText, size: 11, anchor: 'start', fill: CHART_INK.muted });
    const barY = top + 20;
    const tip = `${bar.label}: ${scoreText}${coverageText ? ` · ${coverageText}` : ''}`;
    if (bar.score === null) {
      marks.push({ kind: 'rect', x: 0, y: barY, w, h: BAR_HEIGHT, fill: CHART_INK.track, hatch: true, stroke: CHART_INK.hatch, tip });
      const labelWidth = estimateTextWidth(words.notRated, 11) + 12;
      marks.push({ kind: 'rect', x: (w - labelWidth) / 2, y: barY + 2, w: labelWidth, h: BAR_HEIGHT - 4, fill: '#ffffff', fixed: true });
      marks.push({ kind: 'text', x: w / 2, y: barY + 12, text: words.notRated, size: 11, anchor: 'middle', fill: CHART_INK.text });
      return;
    }
    marks.push({ kind: 'rect', x: 0, y: barY, w, h: BAR_HEIGHT, fill: CHART_INK.track, tip });
    const s = Math.min(1, Math.max(0, bar.score));
    // A score of 0 is a value: a visible 2 px mark at the start, unlike the hatched "not rated".
    marks.push({ kind: 'rect', x: 0, y: barY, w: Math.max(2, s * w), h: BAR_HEIGHT, fill: colorOf(bar.score), stroke: CHART_INK.text, tip });
  });
  return { width: w, height, marks };
}

/** Height of a time chart's plot. */
export const TIME_CHART_HEIGHT = 240;

/** Pairs of consecutive observations of one series that may be joined by a line. */
export function comparableSegments(points: readonly TimePoint[]): [TimePoint, TimePoint][] {
  const sorted = [...points].sort((a, b) => a.date.localeCompare(b.date));
  const segments: [TimePoint, TimePoint][] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1]!;
    const b = sorted[i]!;
    if (a.group != null && a.group === b.group) segments.push([a, b]);
  }
  return segments;
}

/** Series over time on a time scale from the first observation (or `startDate`) to `endDate`. */
export function layoutTimeSeries(spec: TimeSpec, width: number, words: ChartWords, height = TIME_CHART_HEIGHT): ChartLayout {
  const marks: Mark[] = [];
  const w = Math.max(160, width);
  const all = spec.series.flatMap((s) => s.points);
  const endMs = dayMs(spec.endDate);
  const firstMs = Math.min(...all.map((p) => dayMs(p.date)), endMs);
  let startMs = spec.startDate ? Math.min(dayMs(spec.startDate), firstMs) : firstMs;
  if (endMs - startMs < 7 * DAY) startMs = endMs - 7 * DAY;
  const maxValue = Math.max(0, ...all.map((p) => Math.max(p.value, p.high ?? p.value)));
  const yTicks = niceTicks(maxValue, 4);
  const yTop = yTicks.at(-1)!;
  const fmt = axisFormatter(words.lang, spec.unit, yTop);
  const left = Math.ceil(Math.max(...yTicks.map((v) => estimateTextWidth(fmt(v), 11))) * 1.15) + 8;
  const right = 10;
  const top = 8;
  const bottom = 22;
  const plotW = w - left - right;
  const plotH = height - top - bottom;
  const x = (ms: number) => left + ((ms - startMs) / (endMs - startMs)) * plotW;
  const y = (v: number) => top + plotH - (v / yTop) * plotH;
  for (const v of yTicks) {
    const yy = Math.round(y(v)) + 0.5;
    marks.push({ kind: 'line', x1: left, y1: yy, x2: w - right, y2: yy, stroke: v === 0 ? CHART_INK.axis : CHART_INK.grid, width: 1 });
    marks.push({ kind: 'text', x: left - 6, y: yy + 4, text: fmt(v), size: 11, anchor: 'end', fill: CHART_INK.muted });
  }
  const ticks = timeTicks(startMs, endMs, Math.floor(plotW / 84));
  for (const tick of ticks) {
    const xx = Math.round(x(tick.ms)) + 0.5;
    marks.push({ kind: 'line', x1: xx, y1: top + plotH, x2: xx, y2: top + plotH + 4, stroke: CHART_INK.axis, width: 1 });
    const label = formatTickDate(words.lang, tick.ms, tick.unit);
    const half = estimateTextWidth(label, 11) / 2;
    marks.push({ kind: 'text', x: Math.min(w - half, Math.max(half, xx)), y: height - 6, text: label, size: 11, anchor: 'middle', fill: CHART_INK.muted });
  }
  const tipOf = (s: TimeSeries, p: TimePoint) => `${s.label}: ${formatExactRange(words.lang, spec.unit, p.value, p.high ?? null)} (${formatChartDate(words.lang, p.date)})`;
  for (const s of spec.series) {
    const points = [...s.points].sort((a, b) => a.date.localeCompare(b.date));
    // A running count with no event yet is zero all along: drawn, so that "no deposit" is seen.
    if (points.length === 0 && s.style === 'step') marks.push({ kind: 'path', d: `M${left},${y(0).toFixed(1)}H${x(endMs).toFixed(1)}`, stroke: s.color, width: 2 });
    if (points.length === 0) continue;
    if (s.style === 'step') {
      let d = `M${x(dayMs(points[0]!.date)).toFixed(1)},${y(points[0]!.value).toFixed(1)}`;
      for (let i = 1; i < points.length; i++) d += `H${x(dayMs(points[i]!.date)).toFixed(1)}V${y(points[i]!.value).toFixed(1)}`;
      d += `H${x(endMs).toFixed(1)}`;
      marks.push({ kind: 'path', d, stroke: s.color, width: 2 });
    } else {
      for (const [a, b] of comparableSegments(points)) {
        marks.push({ kind: 'line', x1: x(dayMs(a.date)), y1: y(a.value), x2: x(dayMs(b.date)), y2: y(b.value), stroke: s.color, width: 2 });
      }
      for (const p of points) {
        if (p.high != null && p.high !== p.value) {
          const xx = x(dayMs(p.date));
          marks.push({ kind: 'line', x1: xx, y1: y(p.value), x2: xx, y2: y(p.high), stroke: s.color, width: 2 });
          marks.push({ kind: 'line', x1: xx - 5, y1: y(p.high), x2: xx + 5, y2: y(p.high), stroke: s.color, width: 2 });
        }
      }
    }
    for (const p of points) {
      marks.push({ kind: 'circle', cx: x(dayMs(p.date)), cy: y(p.value), r: s.style === 'dots' ? 4.5 : 3, fill: s.style === 'dots' ? s.color : '#ffffff', stroke: s.color, tip: tipOf(s, p) });
    }
  }
  return { width: w, height, marks };
}

/** The chart spec laid out at `width`. */
export function layoutChart(spec: ChartSpec, width: number, words: ChartWords, colorOf: (score: number | null) => string): ChartLayout {
  return spec.kind === 'bars' ? layoutScoreBars(spec.bars, width, words, colorOf) : layoutTimeSeries(spec, width, words);
}

/** Whether a spec has anything to draw (a chart with no data is a sentence, not an empty frame). */
export function hasChartData(spec: ChartSpec): boolean {
  return spec.kind === 'bars' ? spec.bars.length > 0 : spec.series.some((s) => s.points.length > 0);
}
