/**
 * Chart downloads and chart frames, over HTTP against the built server: every chart on a
 * scorecard and an instrument dashboard links to itself as SVG and PNG; the files carry their
 * title, source, date and page address inside the image, in English and in Thai; they are
 * cached like the pages (a data-version ETag, 304 on a match); unknown charts are a 404 in words.
 * Without JavaScript the page already holds the chart (server-drawn SVG) and its numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/i18n/format';
import { todayIso } from '../../src/domain/dates';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
const today = todayIso();
const CONVENTION = 'un-convention-against-cybercrime';

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => server?.stop());

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

describe('chart frames on the pages', () => {
  it('draw every scorecard score as a bar in its table, with the source, date and each assessor\'s chart as SVG/PNG under it', async () => {
    const html = await (await server.get('/parties/tha')).text();
    const chart = /<div class="score-chart" data-score-chart="by-instrument">([\s\S]*?)<\/p><\/div>/.exec(html)?.[1] ?? '';
    expect(chart).toContain('Score by instrument');
    expect(chart).toContain('Source: Bangkok Joint Statement Monitor');
    expect(chart).toContain(`Data as of ${formatDate('en', today)}`);
    expect(chart).toContain('href="/parties/tha/charts/instruments-independent.svg"');
    expect(chart).toContain('href="/parties/tha/charts/instruments-independent.png"');
    // Drawn on the server: a bar in each rated cell, as wide as its score; the hatched band where nothing is rated.
    const cells = [...chart.matchAll(/<td data-assessor="independent">([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) {
      const score = /<strong>(\d+)%<\/strong>/.exec(cell)?.[1];
      if (score) expect(cell).toContain(`<span class="meter" aria-hidden="true"><span style="width:${score}%;`);
      else expect(cell).toMatch(/not rated[\s\S]*<span class="meter meter-none" aria-hidden="true">/);
    }
    expect(cells.some((c) => c.includes('meter-none'))).toBe(true);
    // Indicators: the scorecard gives each one's latest value and links to the party's
    // indicators page, which charts every value and lists exact figures that can be quoted.
    expect(html).toContain('<a href="/parties/tha/indicators#indicator-tha-aoc-accounts-frozen">');
    const indicators = await (await server.get('/parties/tha/indicators')).text();
    expect(indicators).toContain('data-chart-frame="indicator-tha-aoc-accounts-frozen"');
    expect(indicators).toContain('href="/parties/tha/charts/indicator-tha-aoc-accounts-frozen.svg"');
    expect(indicators).toContain('39,918');
    expect(indicators).not.toMatch(/39\.9\d?K/i);
  });

  it('frame the instrument progress chart with its three series and a table of the numbers, in Thai too', async () => {
    const html = await (await server.get(`/instruments/${CONVENTION}`)).text();
    const frame = /<figure class="chart-frame" data-chart-frame="progress">([\s\S]*?)<\/figure>/.exec(html)?.[1] ?? '';
    // The same series and counts as the page's progress table (the record's counts).
    for (const word of ['Signatures', 'Domestic steps', 'Deposits counted']) expect(frame).toContain(word);
    expect(html).toContain('data-table="progress"');
    expect(frame).toContain(`href="/instruments/${CONVENTION}/charts/progress.svg"`);
    const th = await (await server.get(`/th/instruments/${CONVENTION}`)).text();
    expect(th).toContain(`href="/th/instruments/${CONVENTION}/charts/progress.png"`);
    expect(th).toContain('การลงนาม');
    expect(th).toContain('แหล่งที่มา');
  });

  it('say in a sentence, with no frame, that a scorecard with no published scores has nothing to chart', async () => {
    // 31 March 2026: before the seed's assessments were published.
    for (const [path, words] of [['/parties/tha?as_of=2026-03-31', 'no score and no chart'], ['/th/parties/tha?as_of=2026-03-31', 'ไม่มีแผนภูมิ']] as const) {
      const html = await (await server.get(path)).text();
      expect(html.includes('data-score-chart="by-instrument'), path).toBe(false);
      expect(html).toContain(words);
    }
  });
});

describe('chart downloads', () => {
  it('serve a scorecard chart as SVG with its title, source, date and address inside', async () => {
    const res = await server.get('/parties/tha/charts/instruments-independent.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`tha-instruments-independent-${today}.svg`);
    const svg = await res.text();
    expect(svg).toContain('<title>Thailand: score by instrument (Independent)</title>');
    expect(svg).toContain('Source: Bangkok Joint Statement Monitor');
    expect(svg).toContain(`Data as of ${formatDate('en', today)}`);
    expect(svg).toContain(`${server.origin}/parties/tha`);
    expect(svg).toContain('not rated');
  });

  it('serve Thai files with Thai words and Buddhist-era dates, and PNGs', async () => {
    const svg = await (await server.get('/th/parties/tha/charts/themes-independent.svg')).text();
    expect(svg).toContain('คะแนนรายประเด็น');
    expect(svg).toContain('แหล่งที่มา');
    expect(svg).toContain(formatDate('th', today));
    expect(svg).toContain(`${server.origin}/th/parties/tha`);
    for (const path of ['/th/parties/tha/charts/instruments-independent.png', `/instruments/${CONVENTION}/charts/progress.png`, '/parties/tha/charts/indicator-tha-aoc-accounts-frozen.png']) {
      const res = await server.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 4)]).toEqual(PNG_MAGIC);
      expect(bytes.length).toBeGreaterThan(5000);
    }
  });

  it('serve the instrument progress chart with its series in the legend', async () => {
    const svg = await (await server.get(`/instruments/${CONVENTION}/charts/progress.svg`)).text();
    expect(svg).toContain('United Nations Convention against Cybercrime: parties over time');
    for (const word of ['Signatures', 'Domestic steps', 'Deposits counted']) expect(svg).toContain(word);
  });

  it('are cached like the pages: an ETag, and 304 when it matches', async () => {
    const first = await server.get('/parties/tha/charts/instruments-independent.svg');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    const again = await server.get('/parties/tha/charts/instruments-independent.svg', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('answer 404 in words for an unknown chart, party or format', async () => {
    for (const path of ['/parties/tha/charts/nothing.svg', '/parties/zzz/charts/instruments-independent.svg', '/parties/tha/charts/instruments-robot.svg', '/parties/tha/charts/instruments-independent.gif', `/instruments/${CONVENTION}/charts/other.png`, '/th/parties/tha/charts/nothing.png']) {
      const res = await server.get(path);
      expect(res.status, path).toBe(404);
      expect((await res.text()).length).toBeGreaterThan(3);
    }
  });
});
