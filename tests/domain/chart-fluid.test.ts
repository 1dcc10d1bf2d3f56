/** The page's server-drawn charts (chart-fluid.ts). */
import { describe, expect, it } from 'vitest';
import { layoutScoreBars, layoutTimeSeries } from '../../src/domain/chart-layout';
import { PAGE_CHART_WIDTH, fluidChartSvg } from '../../src/domain/chart-fluid';
import { scoreColor } from '../../src/lib/colors';

const words = { lang: 'en', notRated: 'not rated', coverage: 'Coverage' };

describe('fluidChartSvg', () => {
  const bars = layoutScoreBars([{ label: 'ACTIP', score: null, coverage: 0 }, { label: 'UNCC', score: 0.5, coverage: 0.2 }], PAGE_CHART_WIDTH, words, scoreColor);
  const svg = fluidChartSvg(bars, 'hatch-x');

  it('runs across its box: 100% wide, fixed height, horizontal positions as percentages, no viewBox', () => {
    expect(svg).toMatch(new RegExp(`^<svg class="chart-svg" width="100%" height="${bars.height}"`));
    expect(svg).not.toContain('viewBox');
    expect(svg).toMatch(/<rect x="0%" y="\d+" width="100%"/);
    expect(svg).toMatch(/<rect x="0%" y="\d+" width="50%"/);
    // The hatched "not rated" band refers to its own pattern.
    expect(svg).toContain('<pattern id="hatch-x"');
    expect(svg).toContain('fill="url(#hatch-x)"');
  });

  it('keeps the white box behind "not rated" its own width, centred, at any chart width (it does not stretch with the band)', () => {
    const box = /<svg x="50%" overflow="visible"><rect x="(-[\d.]+)" y="\d+" width="([\d.]+)" height="\d+" fill="#ffffff"\/><\/svg>/.exec(svg);
    expect(box).not.toBeNull();
    expect(Math.abs(Number(box![1]) + Number(box![2]) / 2)).toBeLessThan(0.11);
    // No white rectangle sized in percent, which would stretch on a wide screen.
    expect(svg).not.toMatch(/<rect [^>]*width="[\d.]+%"[^>]*fill="#ffffff"/);
  });

  it('writes a tooltip once when a bar lies over its track, and lets the pointer through the bar', () => {
    expect(svg.match(/<title>UNCC: 50%/g)).toHaveLength(1);
    expect(svg).toMatch(/<rect [^>]*pointer-events="none"><\/rect>/);
  });

  it('sets the commonest text attributes once on the root', () => {
    const many = layoutScoreBars(['A', 'B', 'C', 'D', 'E', 'F'].map((label) => ({ label, score: 0.5, coverage: 1 })), PAGE_CHART_WIDTH, words, scoreColor);
    const six = fluidChartSvg(many, 'h');
    // Labels and scores (13 px, bold) outnumber the axis and coverage texts (11 px).
    expect(six).toMatch(/^<svg [^>]*font-size="13"[^>]*font-weight="700"/);
    expect(six).toContain('<text x="0%" y="14">A</text>');
    expect(six).toMatch(/<text x="0%" y="\d+" font-size="11" font-weight="400" fill="#4a5360">Coverage 100%<\/text>/);
  });

  it('draws a step line in a nested SVG stretched across the width, its stroke not stretched', () => {
    const layout = layoutTimeSeries({ kind: 'time', endDate: '2026-12-05', unit: 'count', series: [{ key: 's', label: 'Signatures', color: '#0072b2', style: 'step', points: [{ date: '2025-10-25', value: 65 }, { date: '2026-02-10', value: 73 }] }] }, PAGE_CHART_WIDTH, words);
    const time = fluidChartSvg(layout, 'h');
    expect(time).toMatch(new RegExp(`<svg width="100%" height="${layout.height}" viewBox="0 0 ${PAGE_CHART_WIDTH} ${layout.height}" preserveAspectRatio="none" overflow="visible"><path d="M`));
    expect(time).toContain('vector-effect="non-scaling-stroke"');
    expect(time.match(/<circle /g)).toHaveLength(2);
    expect(time).toContain('<title>Signatures: 73 (Feb 10, 2026)</title>');
  });
});
