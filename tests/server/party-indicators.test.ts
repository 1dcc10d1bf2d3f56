/**
 * A party's indicators: the scorecard gives each indicator's latest value (with its period,
 * source and how many values there are) and links to `/parties/{code}/indicators`, which charts
 * and lists every value. That keeps the scorecard's HTML within its budget (issue 17) without
 * losing a value the reader can reach; a permalink's link keeps its day.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { indicators, indicatorValues } from '../../db/schema';
import { formatIndicatorValue } from '../../src/lib/indicator-format';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;
beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const text = async (path: string) => {
  const response = await server.get(path);
  expect(response.status, path).toBe(200);
  return response.text();
};

/** Thailand's indicators with their values in period order, from the database. */
async function thaiIndicators() {
  const rows = await db
    .select({ slug: indicators.slug, unit: indicators.unit, periodEnd: indicatorValues.periodEnd, value: indicatorValues.value, valueHigh: indicatorValues.valueHigh })
    .from(indicators)
    .innerJoin(indicatorValues, eq(indicatorValues.indicatorSlug, indicators.slug))
    .where(eq(indicators.partySlug, 'tha'));
  const bySlug = Map.groupBy(rows, (r) => r.slug);
  return [...bySlug].map(([slug, values]) => ({ slug, unit: values[0]!.unit, values: values.sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)) }));
}

describe("a party's indicators", () => {
  it('are one row each on the scorecard, with the latest value exactly and a link to every value', async () => {
    const expected = await thaiIndicators();
    expect(expected.length).toBeGreaterThan(5);
    const html = await text('/parties/tha');
    const table = /<table class="stack" data-table="indicator-summary">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const rows = [...table.matchAll(/<tr data-indicator="([^"]+)">([\s\S]*?)<\/tr>/g)];
    expect(rows.map((r) => r[1]).sort()).toEqual(expected.map((e) => e.slug).sort());
    for (const indicator of expected) {
      const row = rows.find((r) => r[1] === indicator.slug)![2]!;
      const latest = indicator.values[indicator.values.length - 1]!;
      expect(row, indicator.slug).toContain(`<a href="/parties/tha/indicators#indicator-${indicator.slug}">`);
      expect(row, indicator.slug).toContain(`<td class="num" data-label="Latest value">${formatIndicatorValue('en', indicator.unit, latest.value, latest.valueHigh, true)}</td>`);
      expect(row, indicator.slug).toMatch(new RegExp(`<td class="num" data-label="Values">${indicator.values.length}</td>$`));
    }
    expect(html).toContain('<a href="/parties/tha/indicators">indicators of Thailand</a>');
    // The series themselves are on the indicators page, not here.
    expect(html).not.toContain('data-chart-frame="indicator-');
  });

  it('are charted and listed value by value on the indicators page, in every language', async () => {
    const expected = await thaiIndicators();
    for (const [prefix, title] of [['', 'Indicators: Thailand'], ['/th', 'ตัวชี้วัด: ไทย'], ['/id', 'Indikator: Thailand']] as const) {
      const html = await text(`${prefix}/parties/tha/indicators`);
      expect(html, prefix).toContain(`<h1>${title}</h1>`);
      expect(html, prefix).toContain(`<a href="${prefix}/parties/tha">`);
      for (const indicator of expected) {
        const section = new RegExp(`<section id="indicator-${indicator.slug}"[^>]*>([\\s\\S]*?)</section>`).exec(html)?.[1] ?? '';
        const table = new RegExp(`<table data-table="indicator-${indicator.slug}">([\\s\\S]*?)</table>`).exec(section)?.[1] ?? '';
        expect([...table.matchAll(/<tr><td>/g)].length, `${prefix} ${indicator.slug}`).toBe(indicator.values.length);
        expect(section.includes(`data-chart-frame="indicator-${indicator.slug}"`), `${prefix} ${indicator.slug}`).toBe(indicator.values.length >= 2);
      }
    }
  });

  it('keep a permalink’s day from the scorecard to the indicators page, and show only what was known then', async () => {
    const day = '2020-01-01';
    expect(await text(`/parties/tha?as_of=${day}`)).not.toContain('data-table="indicator-summary"');
    const scorecard = await text('/parties/tha?as_of=2026-11-30');
    expect(scorecard).toContain('<a href="/parties/tha/indicators?as_of=2026-11-30">');
    const past = await text(`/parties/tha/indicators?as_of=${day}`);
    expect(past).toContain('No indicator has been recorded for Thailand yet.');
    expect(past).toContain(`<a href="/parties/tha?as_of=${day}">`);
  });

  it('say so for a party without any, redirect an upper-case code and answer 404 for an unknown party', async () => {
    expect(await text('/parties/npl/indicators')).toContain('No indicator has been recorded for Nepal yet.');
    const upper = await server.get('/th/parties/THA/indicators?as_of=2026-01-01', { redirect: 'manual' });
    expect(upper.status).toBe(301);
    expect(upper.headers.get('location')).toBe('/th/parties/tha/indicators?as_of=2026-01-01');
    expect((await server.get('/parties/zzz/indicators')).status).toBe(404);
  });
});
