/**
 * A scorecard's HTML stays small in every language (issue 14): Thailand's, the seeded party with
 * the most published assessments, is held to a budget in UTF-8 bytes, as sent before
 * compression (every page is about 35 KB gzipped). Each language's budget says why it is what
 * it is; a page that grows past it fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { COMMITMENTS_PER_PAGE } from '../../src/lib/server/views/scorecard';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const KB = 1024;

/** Each scorecard's budget in UTF-8 bytes of HTML: issue 17's 150 KB in every language. */
const BUDGETS: Record<string, number> = {
  // Latin script, one byte a letter: 96.7 KB on 5 Dec 2026, after the score tables drew their
  // bars in place of four charts repeating them, and with twelve assessed commitments a page.
  '/parties/tha': 150 * KB,
  // Indonesian is Latin script too, with slightly longer words: 99.1 KB.
  '/id/parties/tha': 150 * KB,
  // Thai letters take three bytes each in UTF-8 (the markup, numbers and URLs one): 147.7 KB for
  // about as many characters as the English page, with the seed's real Thai narratives.
  '/th/parties/tha': 150 * KB,
};

describe('scorecard HTML size', () => {
  it.each(Object.entries(BUDGETS))('%s is within its budget (%i bytes) with nothing the reader can reach left out', async (path, budget) => {
    const response = await server.get(path, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const bytes = Buffer.byteLength(html);
    expect(bytes, `${path}: ${bytes} bytes (${html.length} characters), budget ${budget}`).toBeLessThanOrEqual(budget);
    // Still all there: every published assessment of the page, its scores drawn as bars with the
    // charts to download, its printed briefing with its scores drawn and its sources.
    for (const name of ['by-instrument', 'by-theme']) expect(html).toMatch(new RegExp(`data-score-chart="${name}"[\\s\\S]*?<span class="meter" aria-hidden="true"><span style="width:\\d+%;[\\s\\S]*?data-download="svg"`));
    expect(html).toMatch(/<table class="brief-scores">[\s\S]*?<span class="meter"[\s\S]*?<\/table>/);
    // Every status links to its assessment's page: the page of assessed commitments and the timeline.
    expect(new Set([...html.matchAll(/\/assessments\/(\d+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(COMMITMENTS_PER_PAGE + 3);
    expect((html.match(/<li data-evidence="\d+"/g) ?? []).length).toBeGreaterThanOrEqual(COMMITMENTS_PER_PAGE);
    expect(html).toMatch(/<ol class="brief-notes">(<li value="\d+">[^<]+<a href="https?:\/\/[^"]+" class="print-url"><\/a><\/li>)+<\/ol>/);
  });
});
