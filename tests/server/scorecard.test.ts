/**
 * The party scorecard over HTTP against the built server: it opens with its answer in words,
 * has contents links, shows the independent and the self-reported scores side by side, each
 * labelled (a self-reported publication never replaces the independent score), links every
 * status to its assessment's page, says in words when nothing is rated (no big "—", no empty
 * chart), collapses unrated commitments into one line, and carries a print briefing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { todayIso } from '../../src/domain/dates';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { apiToken, createStaff } from '../helpers/staff';
import { callApi, newAssessment } from '../helpers/write-api';

let server: TestServer;
let db: Database;
let editorToken: string;
let reviewerToken: string;

/** A fresh render (a cookie keeps the page cache out of it). */
async function page(path: string): Promise<string> {
  const response = await server.get(path, { headers: { cookie: 'unrelated=1' } });
  expect(response.status, path).toBe(200);
  return response.text();
}
/** The text of the opening sentence. */
const headline = (html: string) => /<p class="lede" data-headline>([^<]+)<\/p>/.exec(html)?.[1] ?? '';
/** The HTML from `from` up to `to`. */
const between = (html: string, from: string, to: string) => html.slice(html.indexOf(from), html.indexOf(to, html.indexOf(from)));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
/** The element whose opening tag carries `attribute`, up to its next closing `</tag>`. */
const part = (html: string, attribute: string, tag = 'section') => {
  const at = html.indexOf(attribute);
  expect(at, attribute).toBeGreaterThan(-1);
  return html.slice(at, html.indexOf(`</${tag}>`, at));
};

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  editorToken = await apiToken(db, await createStaff(db, 'editor@mfa.go.th', ['editor'], ['THA']));
  reviewerToken = await apiToken(db, await createStaff(db, 'secretariat@example.org', ['reviewer']));
});
afterAll(() => stopServerWithDatabase(server, db));

describe('the scorecard opens with its answer', () => {
  it('in one sentence from the data, in English and Thai, with contents links to its sections', async () => {
    const html = await page('/parties/tha');
    const lede = headline(html);
    expect(lede).toMatch(/Thailand: progress rated on \d+ of \d+ commitments; independent score \d+% \(\d+ rated\)\./);
    const toc = part(html, 'data-toc', 'nav');
    for (const id of ['scores', 'measures', 'pipeline', 'commitments', 'timeline']) {
      expect(toc).toContain(`href="#${id}"`);
      expect(html).toContain(`id="${id}"`);
    }
    const th = await page('/th/parties/tha');
    expect(headline(th)).toMatch(/มีผลการประเมินความคืบหน้าแล้ว \d+ จาก \d+ พันธกรณี; คะแนนจากการประเมินโดยอิสระ \d+%/);
    expect(part(th, 'data-toc', 'nav')).toContain('ในหน้านี้');
  });

  it('links every status to its assessment’s own page', async () => {
    const html = await page('/parties/tha');
    const commitments = between(html, 'data-section="commitments"', 'data-section="timeline"');
    const badges = [...commitments.matchAll(/<a class="badge status-[a-z_]+" href="([^"]+)"/g)].map((m) => m[1]);
    expect(badges.length).toBeGreaterThan(0);
    for (const href of badges) expect(href).toMatch(/^\/assessments\/\d+$/);
    const timeline = part(html, 'data-section="timeline"');
    expect(timeline).toMatch(/<a class="badge status-[a-z_]+" href="\/assessments\/\d+"/);
    expect(await page('/th/parties/tha')).toMatch(/href="\/th\/assessments\/\d+"/);
  });
});

describe('independent and self-reported scores', () => {
  it('stay side by side, each labelled, after a self-reported assessment is published', async () => {
    const before = await page('/parties/tha');
    const independentBefore = text(part(before, 'data-figure="overall-independent"', 'a'));
    expect(before).not.toContain('data-figure="overall-self_reported"');

    const created = await callApi(server, 'POST', '/api/v1/assessments', {
      token: editorToken,
      body: newAssessment({ commitment: 'BJS-2', status: 'complete', assessor: 'self_reported', asOf: todayIso(), submit: true }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const published = await callApi(server, 'POST', `/api/v1/assessments/${created.body.id}/review`, { token: reviewerToken, body: { decision: 'publish' } });
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    for (const [path, independent, selfReported] of [
      ['/parties/tha', 'Independent', 'Self-reported'],
      ['/th/parties/tha', 'ประเมินโดยอิสระ', 'รายงานตนเอง'],
    ] as const) {
      const html = await page(path);
      // Both headline figures, each with its assessor in its label; the independent one unchanged.
      const cards = [...html.matchAll(/<li class="card" data-assessor="([a-z_]+)">([\s\S]*?)<\/li>/g)].map((m) => [m[1], text(m[2]!)] as const);
      expect(cards.map(([a]) => a)).toEqual(['independent', 'self_reported']);
      expect(cards[0]![1]).toContain(independent);
      expect(cards[1]![1]).toContain(selfReported);
      expect(cards[1]![1]).toContain('100%');
      if (path === '/parties/tha') expect(text(part(html, 'data-figure="overall-independent"', 'a'))).toBe(independentBefore);
      // Both columns in the score tables, headed by their assessor.
      for (const table of ['data-table="by-instrument"', 'data-table="by-theme"']) {
        const head = part(html, table, 'thead');
        expect(text(head)).toContain(independent);
        expect(text(head)).toContain(selfReported);
      }
      // Each table draws both assessors' scores as bars, side by side in their own columns, and
      // offers each assessor's chart to download: never one in place of the other.
      for (const table of ['by-instrument', 'by-theme']) {
        const chart = between(html, `data-score-chart="${table}"`, '</p></div>');
        for (const [assessor, label] of [['independent', independent], ['self_reported', selfReported]]) {
          expect(chart).toMatch(new RegExp(`<td data-assessor="${assessor}">[^]*?<span class="meter`));
          expect(chart).toMatch(new RegExp(`data-chart-assessor="${assessor}">${label} <a href="[^"]+-${assessor}\\.svg"`));
        }
      }
      // The commitment shows both assessments, each labelled, on the page of the list that holds it (the timeline links there).
      const onPage = html.includes('id="commitment-BJS-2"') ? html : await page(/href="([^"#]*)#commitment-BJS-2"/.exec(html)![1]!.replace(/&amp;/g, '&'));
      const entry = part(onPage, 'id="commitment-BJS-2"', 'li');
      expect(entry).toContain(`href="${path.startsWith('/th') ? '/th' : ''}/assessments/${created.body.id}"`);
      expect(entry).toContain('data-assessor="self_reported"');
    }
    expect(headline(await page('/parties/tha'))).toMatch(/independent score \d+% \(\d+ rated\), self-reported score 100% \(1 rated\)\./);
  });
});

describe('a party with nothing rated', () => {
  it('says so in words: no big "—", no empty chart, unrated commitments in one line', async () => {
    for (const path of ['/parties/aze', '/th/parties/aze']) {
      const html = await page(path);
      const scores = part(html, 'data-section="scores"');
      expect(scores).not.toContain('<astro-island');
      expect(scores).not.toContain('class="figure"');
      expect(scores).not.toContain('—');
      expect(scores).toContain('data-figure="not-rated"');
      expect(html).not.toContain('<astro-island');
      const summary = /<details class="not-assessed" data-not-rated="(\d+)"><summary>([^<]+)<\/summary>/.exec(html);
      expect(summary, path).not.toBeNull();
      if (path === '/parties/aze') expect(summary![2]).toBe(`${summary![1]} commitments not yet rated: list`);
    }
    expect(headline(await page('/parties/aze'))).toMatch(/^None of the \d+ commitments that apply to Azerbaijan has been rated yet\.$/);
  });
});

describe('the printed briefing', () => {
  it('is in the page, with scores and coverage, pipeline, sources as numbered footnotes, and the page’s address and permalink', async () => {
    const html = await page('/parties/tha');
    const brief = part(html, 'data-brief');
    expect(brief).toContain(`${server.origin}/parties/tha`);
    expect(brief).toMatch(new RegExp(`${server.origin}/parties/tha\\?as_of=\\d{4}-\\d{2}-\\d{2}`));
    expect(text(brief)).toMatch(/Overall \d+% \(Coverage \d+%/);
    expect(brief).toMatch(/<ol class="brief-notes"><li value="1">[^<]+<a href="https?:\/\//);
    expect(text(brief)).toContain('Treaty pipeline');
    // Pages of assessed commitments: out of range reads the nearest page, never an error.
    expect(await page('/parties/tha?page=99')).toContain('data-section="commitments"');
  });
});

describe('instrument names in the page’s language', () => {
  it('names the treaties of the pipeline, on the page and in the briefing, by their Thai short names on a Thai page', async () => {
    const html = await page('/th/parties/tha');
    const pipeline = part(html, 'data-pipeline="un-convention-against-cybercrime"');
    expect(text(pipeline)).toMatch(/อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์\s*:/);
    expect(text(pipeline)).not.toContain('UN Cybercrime Convention');
    const brief = part(html, 'data-brief');
    expect(text(brief)).toMatch(/อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์\s*:/);
    expect(text(brief)).not.toMatch(/UN Cybercrime Convention|ACTIP:/);
    // English pages keep the English short names.
    expect(text(part(await page('/parties/tha'), 'data-pipeline="un-convention-against-cybercrime"'))).toMatch(/UN Cybercrime Convention\s*:/);
  });
});
