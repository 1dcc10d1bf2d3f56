/**
 * A scorecard's HTML stays small in every language (issue 14): Thailand's, the seeded party with
 * the most published assessments, is under 150 KB (150 × 1024 characters of HTML, as the browser
 * holds it after decoding; Thai script takes three bytes a character in UTF-8, so the Thai page
 * is larger on the wire before compression, and every page is about 35 KB gzipped).
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

const LIMIT = 150 * 1024;

describe('scorecard HTML size', () => {
  it.each(['/parties/tha', '/th/parties/tha', '/id/parties/tha'])('%s is under 150 KB of HTML with nothing the reader can reach left out', async (path) => {
    const response = await server.get(path);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.length, `${path}: ${html.length} characters, ${Buffer.byteLength(html)} bytes`).toBeLessThan(LIMIT);
    // Still all there: every published assessment of the page, its charts, its printed briefing with its chart and sources.
    expect(html).toContain('data-chart-frame="by-instrument-independent"');
    expect(html).toContain('data-chart-frame="by-theme-independent"');
    expect(html).toContain('data-print-chart');
    // Every status links to its assessment's page: the page of 15 assessed commitments and the timeline.
    expect(new Set([...html.matchAll(/\/assessments\/(\d+)"/g)].map((m) => m[1])).size).toBeGreaterThanOrEqual(15);
    // Latin-script pages are under 150 KB in bytes too.
    if (!path.startsWith('/th/')) expect(Buffer.byteLength(html), path).toBeLessThan(LIMIT);
    expect((html.match(/<li data-evidence="\d+"/g) ?? []).length).toBeGreaterThanOrEqual(15);
    expect(html).toMatch(/<ol class="brief-notes">(<li value="\d+">[^<]+<a href="https?:\/\/[^"]+" class="print-url"><\/a><\/li>)+<\/ol>/);
  });
});
