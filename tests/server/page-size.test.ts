/**
 * A scorecard's HTML stays small in every language (issue 14): Thailand's, the seeded party with
 * the most published assessments, is held to a budget in UTF-8 bytes, as sent before
 * compression (every page is about 35 KB gzipped). Each language's budget says why it is what
 * it is; a page that grows past it fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const KB = 1024;

/** Each scorecard's budget in UTF-8 bytes of HTML. */
const BUDGETS: Record<string, number> = {
  // Latin script, one byte a letter: about 116 KB today (5 Dec 2026), the budget of issue 14.
  '/parties/tha': 150 * KB,
  // Indonesian is Latin script too, with slightly longer words: about 118 KB today.
  '/id/parties/tha': 150 * KB,
  // Thai letters take three bytes each in UTF-8 (the markup, numbers and URLs one), so the same
  // page is about 174 KB today for about as many characters as the English one: its own budget.
  '/th/parties/tha': 190 * KB,
};

describe('scorecard HTML size', () => {
  it.each(Object.entries(BUDGETS))('%s is within its budget (%i bytes) with nothing the reader can reach left out', async (path, budget) => {
    const response = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const bytes = Buffer.byteLength(html);
    expect(bytes, `${path}: ${bytes} bytes (${html.length} characters), budget ${budget}`).toBeLessThanOrEqual(budget);
    // Still all there: every published assessment of the page, its charts, its printed briefing with its chart and sources.
    expect(html).toContain('data-chart-frame="by-instrument-independent"');
    expect(html).toContain('data-chart-frame="by-theme-independent"');
    expect(html).toContain('data-print-chart');
    // Every status links to its assessment's page: the page of 15 assessed commitments and the timeline.
    expect(new Set([...html.matchAll(/\/assessments\/(\d+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(15);
    expect((html.match(/<li data-evidence="\d+"/g) ?? []).length).toBeGreaterThanOrEqual(15);
    expect(html).toMatch(/<ol class="brief-notes">(<li value="\d+">[^<]+<a href="https?:\/\/[^"]+" class="print-url"><\/a><\/li>)+<\/ol>/);
  });
});
