/** The foot under a chart or a score table: source, date, downloads. */
import { describe, expect, it } from 'vitest';
import { renderChartFoot } from '../../src/lib/server/render/chart-foot';

const href = (base: string) => (ext: 'svg' | 'png') => `${base}.${ext}?as_of=2026-06-01`;

describe('renderChartFoot', () => {
  it('names the source and the day, and offers one chart as SVG and PNG', () => {
    const foot = renderChartFoot('en', { source: 'Source: UN Treaty Collection', asOf: '2026-06-01', downloads: [{ href: href('/c') }] }).value;
    expect(foot).toBe(
      '<p class="chart-foot"><span class="chart-source">Source: UN Treaty Collection</span><span class="chart-date">Data as of 1 Jun 2026</span><span class="chart-downloads no-print">Download the chart: <a href="/c.svg?as_of=2026-06-01" data-download="svg" type="image/svg+xml">SVG</a> <a href="/c.png?as_of=2026-06-01" data-download="png" type="image/png">PNG</a></span></p>',
    );
  });

  it("offers each assessor's chart under its name, and nothing to download when there is no chart", () => {
    const named = renderChartFoot('th', { source: 'S', asOf: '2026-06-01', downloads: [{ href: href('/a'), named: { label: 'อิสระ', key: 'independent' } }, { href: href('/b'), named: { label: 'รายงานตนเอง', key: 'self' } }] }).value;
    expect(named).toContain('<span data-chart-assessor="independent">อิสระ <a href="/a.svg?as_of=2026-06-01"');
    expect(named).toContain('</a></span> · <span data-chart-assessor="self">รายงานตนเอง <a href="/b.svg');
    expect(named).toContain('1 มิ.ย. 2569');
    expect(renderChartFoot('en', { source: 'S <b>', asOf: '2026-06-01', downloads: [] }).value).toBe('<p class="chart-foot"><span class="chart-source">S &lt;b&gt;</span><span class="chart-date">Data as of 1 Jun 2026</span></p>');
  });
});
