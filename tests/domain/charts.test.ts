import { describe, expect, it } from 'vitest';
import { axisFormatter, comparableSegments, formatExactRange, layoutScoreBars, layoutTimeSeries, niceTicks, timeTicks, dayMs, type Mark, type TimeSpec } from '../../src/domain/chart-layout';
import { indicatorPoints } from '../../src/domain/chart-series';
import { renderChartFile } from '../../src/domain/chart-svg';
import { scoreColor } from '../../src/lib/colors';

const words = { lang: 'en-GB', notRated: 'not rated', coverage: 'Coverage' };
const texts = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text').map((m) => m.text);
const rects = (marks: Mark[]) => marks.filter((m): m is Extract<Mark, { kind: 'rect' }> => m.kind === 'rect');

describe('score bars', () => {
  it('draws "not rated" as a hatched band with the words, and a score of 0 as a visible 0% bar', () => {
    const layout = layoutScoreBars(
      [
        { label: 'ACTIP', score: null, coverage: 0 },
        { label: 'Convention', score: 0, coverage: 0.5 },
      ],
      358,
      words,
      scoreColor,
    );
    const [notRated, zero] = [rects(layout.marks).filter((r) => r.tip?.startsWith('ACTIP')), rects(layout.marks).filter((r) => r.tip?.startsWith('Convention'))];
    expect(notRated).toHaveLength(1);
    expect(notRated[0]!.hatch).toBe(true);
    expect(notRated[0]!.w).toBe(358);
    expect(notRated[0]!.tip).toContain('not rated');
    expect(texts(layout.marks).filter((t) => t === 'not rated').length).toBeGreaterThanOrEqual(2);
    expect(notRated[0]!.tip).toMatch(/^ACTIP: not rated/);
    // The 0% bar: a track and a 2 px mark in the score colour, never hatched.
    expect(zero.some((r) => r.hatch)).toBe(false);
    expect(zero.find((r) => r.fill === scoreColor(0))?.w).toBe(2);
    expect(texts(layout.marks)).toContain('0%');
  });

  it('uses the whole width for the plot at a phone width (no side margins)', () => {
    const layout = layoutScoreBars([{ label: 'Bangkok Joint Statement', score: 0.46, coverage: 1 }], 358, words, scoreColor);
    expect(layout.width).toBe(358);
    const track = rects(layout.marks)[0]!;
    expect(track.x).toBe(0);
    expect(track.w).toBe(358);
    const bar = rects(layout.marks)[1]!;
    expect(bar.w).toBeCloseTo(0.46 * 358, 5);
  });
});

describe('series over time', () => {
  const spec = (series: TimeSpec['series'], endDate = '2026-12-05'): TimeSpec => ({ kind: 'time', series, endDate, unit: 'count' });

  it('spaces dates by time: a 24-day gap is 24 times a 1-day gap, and the axis runs to the end date', () => {
    const layout = layoutTimeSeries(
      spec([{ key: 's', label: 'Signatures', color: '#000', style: 'dots', points: [{ date: '2026-01-01', value: 1 }, { date: '2026-01-02', value: 2 }, { date: '2026-01-26', value: 3 }] }], '2026-02-01'),
      600,
      words,
    );
    const dots = layout.marks.filter((m): m is Extract<Mark, { kind: 'circle' }> => m.kind === 'circle');
    const [a, b, c] = dots.map((d) => d.cx);
    expect((c! - b!) / (b! - a!)).toBeCloseTo(24, 5);
    // The end date (1 Feb) is the right edge of the plot, 31 days after the first point.
    const plotRight = 600 - 10;
    expect((plotRight - a!) / (b! - a!)).toBeCloseTo(31, 5);
  });

  it('plots indicator observations as dots, with lines only between comparable ones and no step line', () => {
    const points = indicatorPoints([
      { periodStart: '2023-11-01', periodEnd: '2024-01-31', value: 39918, valueHigh: null, sourcePublisher: 'The Nation' },
      { periodStart: '2023-11-01', periodEnd: '2024-02-29', value: 57861, valueHigh: null, sourcePublisher: 'The Nation' },
      { periodStart: '2024-11-01', periodEnd: '2025-01-31', value: 340000, valueHigh: null, sourcePublisher: 'MDES' },
    ]);
    expect(comparableSegments(points)).toHaveLength(1);
    const layout = layoutTimeSeries(spec([{ key: 'v', label: 'Accounts frozen', color: '#123456', style: 'dots', points }]), 600, words);
    expect(layout.marks.filter((m) => m.kind === 'circle')).toHaveLength(3);
    expect(layout.marks.filter((m) => m.kind === 'path')).toHaveLength(0);
    expect(layout.marks.filter((m) => m.kind === 'line' && m.stroke === '#123456')).toHaveLength(1);
    const tips = layout.marks.flatMap((m) => ('tip' in m && m.tip ? [m.tip] : []));
    expect(tips.some((t) => t.includes('39,918'))).toBe(true);
  });

  it('does not join observations without a known start of period', () => {
    expect(comparableSegments(indicatorPoints([
      { periodStart: null, periodEnd: '2024-11-30', value: 1, valueHigh: null, sourcePublisher: 'A' },
      { periodStart: null, periodEnd: '2025-09-30', value: 2, valueHigh: null, sourcePublisher: 'A' },
    ]))).toEqual([]);
  });

  it('writes every tick of an axis in one format', () => {
    const layout = layoutTimeSeries(spec([{ key: 'v', label: 'x', color: '#000', style: 'dots', points: [{ date: '2024-01-31', value: 85000 }, { date: '2025-01-31', value: 340000 }] }]), 600, words);
    const ticks = layout.marks.filter((m): m is Extract<Mark, { kind: 'text' }> => m.kind === 'text' && m.anchor === 'end').map((m) => m.text);
    expect(ticks.length).toBeGreaterThan(2);
    expect(ticks.filter((t) => t !== '0').every((t) => /^\d+[kK]$/.test(t))).toBe(true);
    const small = axisFormatter('en-GB', 'count', 80000);
    expect([small(20000), small(80000)]).toEqual(['20,000', '80,000']);
  });

  it('draws a running count as a step that holds to the end date, and a count still at zero as a line at 0', () => {
    const layout = layoutTimeSeries(
      spec([
        { key: 's', label: 'Signatures', color: '#0072b2', style: 'step', points: [{ date: '2025-10-25', value: 65 }, { date: '2025-10-26', value: 72 }] },
        { key: 'd', label: 'Deposits', color: '#009e73', style: 'step', points: [] },
      ]),
      600,
      words,
    );
    const paths = layout.marks.filter((m): m is Extract<Mark, { kind: 'path' }> => m.kind === 'path');
    expect(paths.map((p) => p.stroke)).toEqual(['#0072b2', '#009e73']);
    expect(paths[0]!.d.endsWith('H590.0')).toBe(true);
  });
});

describe('ticks and formats', () => {
  it('chooses round value ticks', () => {
    expect(niceTicks(340000, 4)).toEqual([0, 100000, 200000, 300000, 400000]);
    expect(niceTicks(73, 4)).toEqual([0, 20, 40, 60, 80]);
  });

  it('puts time ticks on whole months or years', () => {
    const months = timeTicks(dayMs('2025-10-25'), dayMs('2026-12-05'), 6);
    expect(months.every((t) => t.unit === 'month' && new Date(t.ms).getUTCDate() === 1)).toBe(true);
    const years = timeTicks(dayMs('2015-11-21'), dayMs('2026-12-05'), 6);
    expect(years.every((t) => t.unit === 'year')).toBe(true);
  });

  it('writes exact figures for tables, in the page language', () => {
    expect(formatExactRange('en-GB', 'count', 39918)).toBe('39,918');
    expect(formatExactRange('en-GB', 'usd', 18e9, 37e9)).toBe('US$18,000,000,000–US$37,000,000,000');
    expect(formatExactRange('th-TH', 'count', 340000)).toBe('340,000');
  });
});

describe('chart file', () => {
  it('carries its title, source, date and address inside the SVG, escaped', () => {
    const svg = renderChartFile(
      { kind: 'bars', bars: [{ label: 'A & B', score: null, coverage: 0 }] },
      { title: 'Thailand: score by instrument', source: 'Source: the Monitor', date: 'Data as of 5 Dec 2026', url: 'https://example.org/parties/tha', words, legend: [], fontFamily: 'Sarabun' },
      scoreColor,
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Thailand: score by instrument');
    expect(svg).toContain('Source: the Monitor');
    expect(svg).toContain('Data as of 5 Dec 2026');
    expect(svg).toContain('https://example.org/parties/tha');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('url(#hatch)');
    expect(svg).toContain('not rated');
  });
});
