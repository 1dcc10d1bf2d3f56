/** Reading search queries (limits, junk, FTS5 quoting), snippet escaping, sitemap and robots text, the public origin. */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { MARK_CLOSE, MARK_OPEN, markTerms, parseSearchQuery, SEARCH_LIMITS, snippetToHtml, splitSnippet, toMatchExpression } from '../../src/domain/search-query';
import { renderRobots, renderSitemap } from '../../src/domain/sitemap';
import { publicOrigin } from '../../src/lib/server/public-origin';

describe('parseSearchQuery', () => {
  it('splits on white space and keeps Thai as one term', () => {
    expect(parseSearchQuery('  mule   accounts ').terms).toEqual(['mule', 'accounts']);
    expect(parseSearchQuery('พระราชกำหนด').terms).toEqual(['พระราชกำหนด']);
  });

  it('leaves out terms shorter than 3 characters and says which', () => {
    const parsed = parseSearchQuery('an AOC of it');
    expect(parsed.terms).toEqual(['AOC']);
    expect(parsed.shortTerms).toEqual(['an', 'of', 'it']);
    expect(parsed.notices).toContain('termTooShort');
  });

  it('bounds the query: 200 characters, 8 terms, 64 characters a term', () => {
    const long = parseSearchQuery('x'.repeat(10_000));
    expect(long.text).toHaveLength(SEARCH_LIMITS.queryChars);
    expect(long.terms[0]).toHaveLength(SEARCH_LIMITS.termChars);
    expect(long.notices).toEqual(expect.arrayContaining(['truncated', 'termTooLong']));
    const many = parseSearchQuery(Array.from({ length: 12 }, (_, i) => `term${i}`).join(' '));
    expect(many.terms).toHaveLength(SEARCH_LIMITS.terms);
    expect(many.notices).toContain('tooManyTerms');
  });

  it('drops control characters (NUL included) and repeated terms', () => {
    expect(parseSearchQuery('fraud\u0000\u0007 FRAUD fraud').terms).toEqual(['fraud']);
    expect(parseSearchQuery('\u0002mark\u0003').terms).toEqual(['mark']);
  });

  test.prop([fc.string({ maxLength: 400, unit: 'binary' })])('never throws, and every term is a quoted phrase with quotes doubled', (raw) => {
    const parsed = parseSearchQuery(raw);
    expect(parsed.terms.length).toBeLessThanOrEqual(SEARCH_LIMITS.terms);
    for (const term of parsed.terms) {
      expect([...term].length).toBeGreaterThanOrEqual(3);
      expect([...term].length).toBeLessThanOrEqual(64);
      expect(term).not.toMatch(/[\u0000-\u001f\s]/);
    }
    const expression = toMatchExpression(parsed.terms);
    if (expression) expect(expression).toMatch(/^"(?:[^"]|"")*"(?: AND "(?:[^"]|"")*")*$/);
  });

  it('makes FTS5 operators plain text', () => {
    expect(toMatchExpression(parseSearchQuery('NEAR(a b) "x" col:y* ^z').terms)).toBe('"NEAR(a" AND "\\"x\\"" AND "col:y*"'.replace(/\\"/g, '""'));
  });
});

describe('snippets', () => {
  it('marks only the match and escapes everything else', () => {
    const parts = splitSnippet(`<b>${MARK_OPEN}fraud${MARK_CLOSE}</b> & "x"`);
    expect(parts).toEqual([
      { text: '<b>', match: false },
      { text: 'fraud', match: true },
      { text: '</b> & "x"', match: false },
    ]);
    expect(snippetToHtml(parts)).toBe('&lt;b&gt;<mark>fraud</mark>&lt;/b&gt; &amp; &quot;x&quot;');
  });

  it('markTerms marks every occurrence of any term, any case, and cuts a window around the first', () => {
    expect(snippetToHtml(markTerms('Fraud <b>and</b> fraud', ['fraud']))).toBe('<mark>Fraud</mark> &lt;b&gt;and&lt;/b&gt; <mark>fraud</mark>');
    expect(snippetToHtml(markTerms('การฉ้อโกงทางออนไลน์', ['ฉ้อโกง']))).toBe('การ<mark>ฉ้อโกง</mark>ทางออนไลน์');
    const long = `${'a '.repeat(200)}needle ${'b '.repeat(200)}`;
    const parts = markTerms(long, ['needle'], 60);
    const text = parts.map((p) => p.text).join('');
    expect(text.startsWith('…') && text.endsWith('…')).toBe(true);
    expect([...text].length).toBeLessThanOrEqual(62);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['needle']);
    expect(markTerms('a.b*c', ['.b*'])).toEqual([{ text: 'a', match: false }, { text: '.b*', match: true }, { text: 'c', match: false }]);
  });

  it('drops stray marks', () => {
    expect(snippetToHtml(splitSnippet(`a${MARK_CLOSE}b${MARK_OPEN}c`))).toBe('ab<mark>c</mark>');
  });
});

describe('sitemap and robots', () => {
  it('lists each page in each language with every alternate and x-default', () => {
    const xml = renderSitemap([{ alternates: [{ hreflang: 'en', href: 'https://x.org/parties' }, { hreflang: 'th', href: 'https://x.org/th/parties' }] }]);
    expect(xml.match(/<url>/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://x.org/th/parties</loc>');
    expect(xml.match(/hreflang="x-default" href="https:\/\/x.org\/parties"/g)).toHaveLength(2);
  });

  it('disallows staff pages and write addresses in every language and names the sitemap', () => {
    const robots = renderRobots(['/th'], 'https://x.org/sitemap.xml');
    for (const line of ['Disallow: /workspace', 'Disallow: /th/workspace', 'Disallow: /login', 'Disallow: /api/v1/assessments/', 'Sitemap: https://x.org/sitemap.xml']) expect(robots).toContain(line);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
  });
});

describe('publicOrigin', () => {
  const request = new URL('http://evil.example:4321/parties?x=1');
  it('is PUBLIC_ORIGIN when set, else the address the server listens on, never the Host header', () => {
    expect(publicOrigin(request, { PUBLIC_ORIGIN: 'https://monitor.example.org/' })).toBe('https://monitor.example.org');
    expect(publicOrigin(request, { HOST: '10.0.0.5', PORT: '4321' })).toBe('http://10.0.0.5:4321');
    expect(() => publicOrigin(request, { PUBLIC_ORIGIN: 'not a url' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => publicOrigin(request, { PUBLIC_ORIGIN: 'javascript:alert(1)' })).toThrow(/PUBLIC_ORIGIN/);
  });
});
