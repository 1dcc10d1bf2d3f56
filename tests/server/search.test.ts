/**
 * Search against a built server on the seeded database: Thai substrings (the decree, fraud),
 * English, the no-JavaScript form and the header box in both languages, filters, paging,
 * highlighting that escapes stored markup, published data only (a draft is not found; the
 * same assessment is found once published, through the triggers), and junk queries that never
 * give a 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { readPage, startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { createStaff, sessionCookie } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const page = (path: string) => readPage(server, path);
const q = (text: string) => encodeURIComponent(text);
/** The result keys the page lists under one kind. */
const keysOf = (html: string, kind: string) => {
  const section = new RegExp(`<section[^>]*data-kind="${kind}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  return [...section.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]);
};

describe('Thai', () => {
  it.each(['/search', '/th/search'])('%s?q=พระราชกำหนด finds the decree in Thai narratives, the match marked', async (path) => {
    const { status, html } = await page(`${path}?q=${q('พระราชกำหนด')}`);
    expect(status).toBe(200);
    expect(keysOf(html, 'assessment').length).toBeGreaterThan(0);
    expect(html).toContain('<mark>พระราชกำหนด</mark>');
    expect(html).toMatch(/href="(?:\/th)?\/parties\/tha\?commitment=[A-Z0-9-]+#commitment-/);
  });

  it('พระราชกำหนด finds the 2023 and 2025 decrees as published measures, linked to their pages', async () => {
    const { html } = await page(`/th/search?q=${q('พระราชกำหนด')}&kind=measure`);
    expect(keysOf(html, 'measure')).toEqual(expect.arrayContaining(['tha-emergency-decree-technology-crime-2023', 'tha-emergency-decree-technology-crime-no2-2025']));
    expect(html).toContain('href="/th/measures/tha-emergency-decree-technology-crime-no2-2025"');
  });

  it('ฉ้อโกง finds the fraud commitment UNCC-13 (a substring of การฉ้อโกง)', async () => {
    const { html } = await page(`/th/search?q=${q('ฉ้อโกง')}`);
    expect(keysOf(html, 'commitment')).toContain('UNCC-13');
    expect(html).toMatch(/<mark>ฉ้อโกง<\/mark>/);
    expect(html).toContain('href="/th/instruments/un-convention-against-cybercrime#commitment-UNCC-13"');
  });

  it('the API finds the same, with the match in snippetHtml', async () => {
    const { status, body } = await callApi(server, 'GET', `/api/v1/search?q=${q('ฉ้อโกง')}&lang=th`);
    expect(status).toBe(200);
    const commitments = body.data.find((g: any) => g.kind === 'commitment');
    const hit = commitments.results.find((r: any) => r.key === 'UNCC-13');
    expect(hit.lang).toBe('th');
    expect(hit.titleHtml).toContain('<mark>ฉ้อโกง</mark>');
    expect(hit.links.html).toBe('/th/instruments/un-convention-against-cybercrime#commitment-UNCC-13');
  });
});

describe('English', () => {
  it('finds parties, commitments and assessments, every term required', async () => {
    const { html } = await page(`/search?q=${q('thailand')}`);
    expect(keysOf(html, 'party')).toContain('tha');
    const fraud = await page(`/search?q=${q('fraud')}`);
    expect(keysOf(fraud.html, 'commitment')).toContain('UNCC-13');
    const both = await page(`/search?q=${q('fraud zzqqxx')}`);
    expect(both.html).toContain('data-search="none"');
  });

  it('shows the party in the reader’s language when it matches in both', async () => {
    const { html } = await page(`/th/search?q=tha`);
    expect(keysOf(html, 'party')).toContain('tha');
  });
});

describe('the form', () => {
  it.each([
    ['/search', '/search'],
    ['/th/search', '/th/search'],
  ])('%s is a plain GET form with the query kept and the filters', async (path, action) => {
    const { html } = await page(`${path}?q=${q('mule accounts')}`);
    expect(html).toMatch(new RegExp(`<form method="get" action="${action}" class="search-form"`));
    expect(html).toMatch(/<input id="search-q" name="q" type="search" value="mule accounts"/);
    for (const name of ['kind', 'party', 'instrument']) expect(html).toContain(`<select name="${name}"`);
  });

  it.each([
    ['/', '/search'],
    ['/th', '/th/search'],
    ['/parties/tha', '/search'],
    ['/th/instruments', '/th/search'],
  ])('the header of %s has a search box sending to %s', async (path, action) => {
    const { html } = await page(path);
    expect(html).toMatch(new RegExp(`<form class="header-search" method="get" action="${action}" role="search">`));
    expect(html).toMatch(/<label for="header-search-q"[^>]*>[^<]+<\/label>/);
  });
});

describe('filters and paging', () => {
  it('kind limits the groups', async () => {
    const { html } = await page(`/search?q=${q('fraud')}&kind=commitment`);
    expect(keysOf(html, 'commitment').length).toBeGreaterThan(0);
    expect(html).not.toContain('data-kind="assessment"');
    expect(html).not.toContain('data-kind="instrument"');
  });

  it('party keeps only that party’s results', async () => {
    const { body } = await callApi(server, 'GET', `/api/v1/search?q=${q('the')}&party=THA`);
    expect(body.data.length).toBeGreaterThan(0);
    for (const group of body.data) for (const result of group.results) expect(result.party).toBe('tha');
    // Bangladesh's ordinance is a พระราชกำหนด in Thai too: only its results, none of Thailand's decrees.
    const thai = await callApi(server, 'GET', `/api/v1/search?q=${q('พระราชกำหนด')}&party=bgd`);
    for (const group of thai.body.data) for (const result of group.results) expect(result.party).toBe('bgd');
  });

  it('instrument keeps only that instrument’s results', async () => {
    const { body } = await callApi(server, 'GET', `/api/v1/search?q=${q('the')}&instrument=actip-2015`);
    expect(body.data.length).toBeGreaterThan(0);
    for (const group of body.data) for (const result of group.results) expect(result.instrument).toBe('actip-2015');
  });

  it('unknown filters are a 400 in words, on the page and the API', async () => {
    const onPage = await page(`/search?q=fraud&party=nowhere`);
    expect(onPage.status).toBe(400);
    expect(onPage.html).toContain('There is no party with the code “nowhere”.');
    const thai = await page(`/th/search?q=fraud&instrument=nothing`);
    expect(thai.status).toBe(400);
    expect(thai.html).toContain('ไม่มีตราสาร “nothing”');
    for (const query of ['party=nowhere', 'kind=nothing', 'instrument=x', 'page=0']) {
      const api = await callApi(server, 'GET', `/api/v1/search?q=fraud&${query}`);
      expect(api.status, query).toBe(400);
      expect(api.body.error.field).toBe(query.split('=')[0]);
    }
    expect((await callApi(server, 'GET', '/api/v1/search')).status).toBe(400);
  });

  it('at most 20 results per kind, with a “more” link to the next page of that kind', async () => {
    const first = await page(`/search?q=the`);
    const commitments = keysOf(first.html, 'commitment');
    expect(commitments).toHaveLength(20);
    expect(first.html).toContain('href="/search?q=the&amp;kind=commitment&amp;page=2"');
    const second = await page(`/search?q=the&kind=commitment&page=2`);
    expect(second.status).toBe(200);
    const next = keysOf(second.html, 'commitment');
    expect(next.length).toBeGreaterThan(0);
    expect(next.filter((k) => commitments.includes(k))).toEqual([]);
    expect(second.html).toContain('rel="prev"');
  });
});

describe('published data only, highlighted safely', () => {
  it('a draft is not found; once published it is, with its markup escaped and only the match marked', async () => {
    const editor = await createStaff(db, 'editor-search@mfa.go.th', ['editor'], ['THA']);
    const reviewer = await createStaff(db, 'reviewer-search@example.org', ['reviewer']);
    const today = new Date().toISOString().slice(0, 10);
    const created = await callApi(server, 'POST', '/api/v1/assessments', {
      cookie: await sessionCookie(db, editor),
      body: newAssessment({
        commitment: 'BJS-3',
        status: 'substantial',
        asOf: today,
        narrative: 'The <b>Quokkafraud</b> unit & "friends" <script>alert(1)</script> started work.',
        evidence: [{ url: 'https://www.mfa.go.th/en/quokka', title: 'Quokkafraud task force <i>report</i>', publisher: 'Ministry', date: today, grade: 'official' }],
        submit: true,
      }),
    });
    expect(created.status).toBe(201);
    expect((await page(`/search?q=quokkafraud`)).html).toContain('data-search="none"');
    const published = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { cookie: await sessionCookie(db, reviewer), body: { decision: 'publish' } });
    expect(published.status).toBe(200);
    const { html } = await page(`/search?q=quokkafraud`);
    expect(keysOf(html, 'assessment')).toEqual([String(created.body.id)]);
    expect(keysOf(html, 'evidence')).toHaveLength(1);
    expect(html).toContain('&lt;b&gt;<mark>Quokkafraud</mark>&lt;/b&gt; unit &amp; &quot;friends&quot;');
    expect(html).toContain('<mark>Quokkafraud</mark> task force &lt;i&gt;report&lt;/i&gt;');
    expect(html).not.toMatch(/<script>alert|<b>Quokka|<i>report/);
    const api = await callApi(server, 'GET', `/api/v1/search?q=quokkafraud&kind=assessment`);
    expect(api.body.data[0].results[0].snippet).toContain('<b>Quokkafraud</b>');
    expect(api.body.data[0].results[0].snippetHtml).toContain('&lt;b&gt;<mark>Quokkafraud</mark>&lt;/b&gt;');
  });
});

describe('junk queries', () => {
  const randomBytes = (n: number, seed: number) => {
    let x = seed;
    return Array.from({ length: n }, () => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return `%${(x & 0xff).toString(16).padStart(2, '0')}`;
    }).join('');
  };
  const decodable = (raw: string) => {
    try {
      decodeURIComponent(raw);
      return true;
    } catch {
      return false;
    }
  };
  const junk = [
    '%00',
    '%00fraud%00',
    '%22',
    '%22%22%22',
    'NEAR(fraud%20law)',
    'fraud%20OR%20law%20NOT%20x',
    '*',
    'fra*',
    '%5Efraud',
    'title%3Afraud',
    '%7Btitle%20body%7D%3A%20fraud',
    '(((',
    '%E0%B8',
    '%ED%A0%80',
    '%F0%9F%92%A9%F0%9F%92%A9%F0%9F%92%A9',
    randomBytes(300, 1),
    randomBytes(300, 2),
    randomBytes(3000, 3),
    'x'.repeat(10_240),
    'fraud%20'.repeat(1200),
  ];
  it.each(junk.map((s) => [s.length > 60 ? `${s.slice(0, 60)}… (${s.length} chars)` : s, s]))('q=%s gets a page, never a 5xx', async (_label, raw) => {
    for (const path of ['/search', '/th/search', '/api/v1/search']) {
      const response = await server.get(`${path}?q=${raw}`);
      const text = await response.text();
      expect(response.status, `${path} ${text.slice(0, 200)}`).toBeLessThan(500);
      // Percent-encoding that is not UTF-8 is refused by the server before any page (400 in words).
      if (!decodable(raw)) expect(response.status).toBe(400);
      else if (path !== '/api/v1/search') {
        expect(response.status).toBe(200);
        expect(text).toContain('class="search-form"');
      }
    }
  });

  it('a 10 KB query is cut to 200 characters and says so', async () => {
    const { status, html } = await page(`/search?q=${'x'.repeat(10_240)}`);
    expect(status).toBe(200);
    expect(html).toContain('Only the first 200 characters of the query were used.');
    expect(html).toContain(`value="${'x'.repeat(200)}"`);
  });

  it('words under 3 characters are named, not searched', async () => {
    const { html } = await page(`/search?q=${q('UN of')}`);
    expect(html).toContain('Words shorter than 3 characters are not searched: “UN”, “of”.');
    expect(html).toContain('data-search="empty"');
  });
});
