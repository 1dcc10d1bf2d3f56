/**
 * Thai pages are set in the self-hosted Sarabun (its Thai subset) and the system's sans-serif
 * (Latin letters and digits): the font stack goes straight from Sarabun to the generic family,
 * and the text of every Thai page stays within the characters of Sarabun's Thai and Latin
 * subsets (the Latin one stands for what every system sans-serif holds). A character outside
 * them (an arrow, a vulgar fraction) sends Chromium through the system's fonts for another one,
 * one message to the browser process per family, weight and size, during the page's first
 * layout (Lighthouse's Total Blocking Time on the Thai scorecard: content/docs/performance.md,
 * "Lighthouse").
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { listPublicPages } from '../../src/lib/server/site-pages';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

/** The code points of Sarabun's Thai and Latin subsets, as @fontsource lists them. */
function subsetRanges(): [number, number][] {
  const unicode = JSON.parse(readFileSync('node_modules/@fontsource/sarabun/unicode.json', 'utf8')) as Record<string, string>;
  return [unicode.thai!, unicode.latin!].flatMap((list) =>
    list.split(',').map((range) => {
      const [from, to] = range.replace(/U\+/g, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
    }),
  );
}

/** The text a reader sees: what is between tags, outside styles and scripts, entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(style|script)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)));
}

let server: TestServer;
let db: Database;
beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

describe('Thai pages and their font', () => {
  it('use Sarabun and then the generic family only', async () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    expect(css).toMatch(/:root:lang\(th\), \[lang='th'\] \{ font-family: 'Sarabun', sans-serif; \}/);
  });

  it('hold no character outside Sarabun’s Thai and Latin subsets, on every public page', async () => {
    const ranges = subsetRanges();
    const covered = (char: string) => ranges.some(([from, to]) => char.codePointAt(0)! >= from && char.codePointAt(0)! <= to);
    const outside: string[] = [];
    const pages = await listPublicPages(db);
    expect(pages.length).toBeGreaterThan(50);
    for (const path of pages) {
      const response = await server.get(`/th${path === '/' ? '' : path}`);
      expect(response.status, path).toBe(200);
      for (const char of new Set(visibleText(await response.text()))) if (!covered(char)) outside.push(`${path}: ${char} (U+${char.codePointAt(0)!.toString(16).toUpperCase()})`);
    }
    expect(outside).toEqual([]);
  });

  it('announce both faces in a Link header, the ones the page’s @font-face rules load, also from the page cache', async () => {
    /** The font addresses a `Link` header preloads. */
    const preloaded = (response: Response) =>
      [...(response.headers.get('link') ?? '').matchAll(/<([^>]+)>;[^,]*\brel=preload\b[^,]*\bas=font\b[^,]*\bcrossorigin\b/g)].map((m) => m[1]!);
    for (const path of ['/th/parties/tha', '/th/parties/tha', '/th', '/th/instruments/un-convention-against-cybercrime', '/th/methodology']) {
      const response = await server.get(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      const faces = [...html.matchAll(/@font-face\{[^}]*?src:url\(([^)]+)\)/g)].map((m) => m[1]!);
      expect(faces, path).toHaveLength(2);
      expect(preloaded(response).sort(), path).toEqual(faces.sort());
      // The same two files in the head, for a saved copy of the page.
      for (const face of faces) expect(html, path).toContain(`<link rel="preload" href="${face}" as="font" type="font/woff2" crossorigin>`);
    }
    // English and Indonesian pages use no web font: nothing to preload.
    for (const path of ['/parties/tha', '/id/parties/tha', '/']) {
      const response = await server.get(path);
      expect(response.headers.get('link'), path).toBeNull();
    }
    // Not on an answer that is not the page: a Thai address that answers 404.
    const missing = await server.get('/th/parties/nowhere');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('link')).toBeNull();
  });
});
