/**
 * Citing a number, over HTTP against a built server: the page of one published assessment
 * (/assessments/{id}, English and Thai) with its evidence, measures, writers and other
 * versions; 404 in words for drafts and unknown ids; permalinks of past days; the Cite-this box
 * (plain text, BibTeX, RIS with the permalink) there and on scorecards and instrument pages;
 * the sitemap; the scores-per-party download and the names in assessments.csv; and the
 * evidence fields of the API.
 */
import { eq } from 'drizzle-orm';
import { ASSESSMENT_SITEMAP_SPAN } from '../../src/lib/server/site-pages';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessmentMeasures, assessments, assessmentWriters, commitments, evidence, parties } from '../../db/schema';
import { todayIso } from '../../src/domain/dates';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

type Json = Record<string, any>;
let server: TestServer;
let db: Database;
const ids = { older: 0, newer: 0, draft: 0, submitted: 0 };
const MEASURE = 'tha-emergency-decree-technology-crime-2023';
const FORMULA_NAME = '=cmd|"/c calc"!A1 Emirates';
const today = todayIso();

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const base = { partySlug: 'tha', commitmentCode: 'BJS-3', assessor: 'self_reported' as const, authorName: 'Ada Author', authorId: 'u-ada' };
  const [older] = await db
    .insert(assessments)
    .values({ ...base, status: 'limited', asOf: '2026-03-01', narrativeEn: 'OLDER-VERSION text', state: 'published', reviewerId: 'u-rev', reviewComment: 'Secret review comment', publishedAt: '2026-03-02T09:00:00.000Z' })
    .returning({ id: assessments.id });
  ids.older = older!.id;
  const [newer] = await db
    .insert(assessments)
    .values({ ...base, status: 'substantial', asOf: '2026-06-01', narrativeEn: 'NEWER-VERSION text', narrativeTh: 'ฉบับใหม่ทดสอบ', state: 'submitted' })
    .returning({ id: assessments.id });
  ids.newer = newer!.id;
  await db.insert(evidence).values([
    { assessmentId: ids.newer, url: 'https://example.org/law?x=1&y=2', title: 'Fixture act', publisher: 'Royal Gazette', grade: 'law', confidence: 'confirmed', checkedOn: '2026-06-01', position: 0 },
    { assessmentId: ids.newer, url: 'https://example.org/news', title: 'Fixture report', publisher: 'Fixture News', grade: 'media', confidence: 'reported', checkedOn: null, position: 1 },
  ]);
  await db.insert(assessmentMeasures).values({ assessmentId: ids.newer, measureId: MEASURE });
  await db.insert(assessmentWriters).values([
    { assessmentId: ids.newer, userId: 'u-ada', userName: 'Ada Author', firstAction: 'create', at: '2026-06-01T08:00:00.000Z' },
    { assessmentId: ids.newer, userId: 'u-bo', userName: 'Bo Editor', firstAction: 'update', at: '2026-06-01T08:30:00.000Z' },
  ]);
  // Published last, as the review does: a published assessment's evidence and measures cannot change.
  await db.update(assessments).set({ state: 'published', reviewerId: 'u-rev', publishedAt: '2026-06-02T09:00:00.000Z' }).where(eq(assessments.id, ids.newer));
  const [draft] = await db.insert(assessments).values({ ...base, commitmentCode: 'BJS-4', status: 'complete', asOf: '2026-06-01', narrativeEn: 'DRAFT-SECRET text', state: 'draft' }).returning({ id: assessments.id });
  ids.draft = draft!.id;
  const [submitted] = await db.insert(assessments).values({ ...base, commitmentCode: 'BJS-5', status: 'complete', asOf: '2026-06-01', narrativeEn: 'SUBMITTED-SECRET text', state: 'submitted' }).returning({ id: assessments.id });
  ids.submitted = submitted!.id;
  await db.update(parties).set({ nameEn: FORMULA_NAME }).where(eq(parties.slug, 'are'));
});
afterAll(() => stopServerWithDatabase(server, db));

const page = async (path: string) => {
  const response = await server.get(path);
  return { status: response.status, headers: response.headers, html: (await response.text()).replace(/ data-astro-cid-\w+/g, '') };
};
/** The text of a textarea of the Cite-this box, unescaped. */
const citeArea = (html: string, form: 'text' | 'bibtex' | 'ris') =>
  (html.match(new RegExp(`<textarea[^>]*data-cite="${form}"[^>]*>([\\s\\S]*?)</textarea>`))?.[1] ?? '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('/assessments/{id}', () => {
  it('shows a published assessment: party, commitment, status and its meaning, evidence with provenance, measures, writers', async () => {
    const { status, headers, html } = await page(`/assessments/${ids.newer}`);
    expect(status).toBe(200);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('href="/parties/tha"');
    expect(html).toContain('BJS-3');
    expect(html).toContain('href="/instruments/bangkok-joint-statement-2025"');
    expect(html).toContain('Substantial progress');
    expect(html).toMatch(/data-score-meaning>Counts ⅔ \(of 1\) toward the score\./);
    expect(html).toContain('data-assessor="self_reported">Self-reported');
    expect(html).toContain('NEWER-VERSION text');
    // Evidence: the exact address, the kind of source, confidence and checked day (or that it was not recorded).
    expect(html).toContain('href="https://example.org/law?x=1&amp;y=2"');
    expect(html).toContain('Law or official gazette');
    expect(html).toContain('data-confidence="confirmed">confirmed in source');
    expect(html).toContain('data-checked-on="2026-06-01"');
    expect(html).toContain('data-confidence="reported">reported by a secondary source');
    expect(html).toMatch(/Fixture report[\s\S]*?Checked on not recorded/);
    expect(html).toContain(`data-cited-measure="${MEASURE}"`);
    expect(html).toContain(`href="/measures/${MEASURE}"`);
    // Writers are named as the feeds name them; reviewers and review comments never.
    expect(html).toContain('data-writers>Ada Author, Bo Editor<');
    expect(html).not.toContain('Secret review comment');
    expect(html).not.toContain('u-rev');
    // Its other published version, and that this one counts.
    expect(html).toContain(`data-version="${ids.older}"`);
    expect(html).toContain('data-current');
    expect(html).toContain(`href="/parties/tha?as_of=2026-06-02&amp;assessment=${ids.newer}#assessment-${ids.newer}"`);
    expect(headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(headers.get('etag')).toBeTruthy();
  });

  it('says when a newer assessment counts instead, and links to it', async () => {
    const { status, html } = await page(`/assessments/${ids.older}`);
    expect(status).toBe(200);
    expect(html).toContain(`data-superseded="${ids.newer}"`);
    expect(html).toContain(`href="/assessments/${ids.newer}"`);
    expect(html).not.toContain('data-current');
    expect(html).toContain('No document is cited.');
  });

  it('answers a past day from what was published by its end, immutable; later publications are not there', async () => {
    const before = await page(`/assessments/${ids.newer}?as_of=2026-06-01`);
    expect(before.status).toBe(404);
    const fixed = await page(`/assessments/${ids.newer}?as_of=2026-06-02`);
    expect(fixed.status).toBe(200);
    expect(fixed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const olderThen = await page(`/assessments/${ids.older}?as_of=2026-04-01`);
    expect(olderThen.status).toBe(200);
    expect(olderThen.html).toContain('data-current');
    expect(olderThen.html).not.toContain(`data-version="${ids.newer}"`);
    expect(olderThen.html).toContain('data-shown-day="2026-04-01"');
  });

  it('is kept by the page cache and answered from it the second time', async () => {
    const path = `/assessments/${ids.older}`;
    await (await server.get(path)).text();
    const again = await server.get(path);
    await again.text();
    expect(again.headers.get('x-page-cache')).toMatch(/^hit/);
  });

  it('speaks Thai under /th, and says when the narrative exists in English only', async () => {
    const newer = await page(`/th/assessments/${ids.newer}`);
    expect(newer.status).toBe(200);
    expect(newer.html).toContain('<html lang="th"');
    expect(newer.html).toContain('ฉบับใหม่ทดสอบ');
    expect(newer.html).toContain('หลักฐาน');
    expect(newer.html).toContain('href="/th/parties/tha"');
    expect(newer.html).toContain('ยืนยันจากแหล่งที่มา');
    const older = await page(`/th/assessments/${ids.older}`);
    expect(older.html).toContain('ผลการประเมินนี้ไม่มีคำอธิบายภาษาไทย');
    expect(older.html).toContain('<p lang="en" data-narrative>OLDER-VERSION text</p>');
  });

  it('answers 404 in words for drafts, submissions and unknown ids, and never shows their text', async () => {
    for (const path of [`/assessments/${ids.draft}`, `/assessments/${ids.submitted}`, '/assessments/99999999', '/assessments/abc', '/assessments/0', '/assessments/012', `/th/assessments/${ids.draft}`]) {
      const { status, headers, html } = await page(path);
      expect(status, path).toBe(404);
      expect(html, path).toContain('data-not-found="assessment"');
      expect(html).not.toContain('DRAFT-SECRET');
      expect(html).not.toContain('SUBMITTED-SECRET');
      expect(html).toContain('noindex');
      expect(html).not.toContain('data-shown-day');
      expect(headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await page(`/assessments/${ids.draft}`)).html).toContain('Drafts and assessments under review are not public');
    expect((await page(`/th/assessments/${ids.draft}`)).html).toContain('ฉบับร่างและผลที่อยู่ระหว่างตรวจทานไม่เปิดเผยต่อสาธารณะ');
  });

  it('is in the sitemap when published, and only then', async () => {
    // Assessments are in numbered sitemaps of ASSESSMENT_SITEMAP_SPAN ids each (listed by /sitemap-assessments.xml).
    const chunk = (id: number) => Math.ceil(id / ASSESSMENT_SITEMAP_SPAN);
    const index = await (await server.get('/sitemap-assessments.xml')).text();
    expect(index).toContain(`<loc>${server.origin}/sitemap-assessments/${chunk(ids.newer)}.xml</loc>`);
    const xml = await (await server.get(`/sitemap-assessments/${chunk(ids.newer)}.xml`)).text();
    expect(chunk(ids.draft)).toBe(chunk(ids.newer));
    expect(xml).toContain(`<loc>${server.origin}/assessments/${ids.newer}</loc>`);
    expect(xml).toContain(`<loc>${server.origin}/th/assessments/${ids.newer}</loc>`);
    expect(xml).not.toContain(`/assessments/${ids.draft}<`);
  });
});

describe('Cite this', () => {
  it('gives the assessment page a citation in plain text, BibTeX and RIS, each with the permalink', async () => {
    const { html } = await page(`/assessments/${ids.newer}`);
    const permalink = `${server.origin}/assessments/${ids.newer}?as_of=${today}`;
    expect(html).toMatch(/<details class="cite-box no-print" data-cite-box data-viewed="\d{4}-\d{2}-\d{2}" open/);
    const text = citeArea(html, 'text');
    expect(text).toBe(`Bangkok Joint Statement Monitor. “Thailand: BJS-3 ${await titleOf('BJS-3')}.” Data as published on ${today}. ${permalink}. Viewed ${today}.`);
    const bibtex = citeArea(html, 'bibtex');
    expect(bibtex).toMatch(new RegExp(`^@misc\\{bjsm-assessment-${ids.newer}-${today},`));
    expect(bibtex).toContain(`url = {${permalink}},`);
    expect(bibtex).toContain('author = {{Bangkok Joint Statement Monitor}},');
    expect(bibtex).toContain(`urldate = {${today}},`);
    const ris = citeArea(html, 'ris');
    expect(ris.split('\n')[0]).toBe('TY  - ELEC');
    expect(ris).toContain(`UR  - ${permalink}`);
    expect(ris).toContain(`Y2  - ${today.replace(/-/g, '/')}`);
    expect(ris.trimEnd().endsWith('ER  -')).toBe(true);
    // Each area has a label; the copy buttons wait for the script (hidden without it).
    for (const form of ['text', 'bibtex', 'ris']) expect(html).toContain(`<label for="cite-${form}">`);
    expect(html).toMatch(/<button type="button" class="cite-copy" data-cite-copy="bibtex" hidden>/);
  });

  it('cites the day a permalink shows, in Thai with the Thai address', async () => {
    const { html } = await page(`/th/assessments/${ids.newer}?as_of=2026-07-01`);
    const bibtex = citeArea(html, 'bibtex');
    expect(bibtex).toContain(`url = {${server.origin}/th/assessments/${ids.newer}?as_of=2026-07-01},`);
    expect(bibtex).toContain('date = {2026-07-01},');
    expect(bibtex).toContain('language = {th},');
    expect(citeArea(html, 'text')).toContain('ข้อมูลตามที่เผยแพร่ ณ วันที่ 2026-07-01');
  });

  it('is on scorecards and instrument pages, with their permalinks', async () => {
    const scorecard = await page('/parties/tha');
    expect(citeArea(scorecard.html, 'ris')).toContain(`UR  - ${server.origin}/parties/tha?as_of=${today}`);
    expect(citeArea(scorecard.html, 'text')).toContain('“Scorecard of Thailand.”');
    const instrument = await page('/th/instruments/bangkok-joint-statement-2025?as_of=2026-01-15');
    expect(citeArea(instrument.html, 'bibtex')).toContain(`url = {${server.origin}/th/instruments/bangkok-joint-statement-2025?as_of=2026-01-15},`);
  });
});

async function titleOf(code: string): Promise<string> {
  const [row] = await db.select({ title: commitments.titleEn }).from(commitments).where(eq(commitments.code, code));
  return row!.title;
}

/** A small RFC 4180 reader (the file without its BOM). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}
const csv = async (name: string) => {
  const rows = parseCsv((await (await server.get(`/data/${name}.csv`)).text()).replace(/^\uFEFF/, ''));
  const header = rows[0]!;
  return { header, rows: rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
};

describe('downloads', () => {
  it('party-scores.csv: every scope and assessor of a party, with names, coverage and published_through', async () => {
    const { header, rows } = await csv('party-scores');
    expect(header).toEqual(['party_slug', 'party_name_en', 'party_name_th', 'scope', 'scope_key', 'scope_name_en', 'scope_name_th', 'assessor', 'score', 'rated', 'applicable', 'coverage', 'commitments', 'valid_from', 'published_through', 'methodology_version']);
    const tha = rows.filter((r) => r.party_slug === 'tha');
    expect(tha[0]).toMatchObject({ party_name_en: 'Thailand', party_name_th: 'ไทย', scope: 'overall', scope_key: '', scope_name_en: 'Overall' });
    expect(Number(tha.find((r) => r.scope === 'overall' && r.assessor === 'independent')!.rated)).toBeGreaterThan(5);
    // The self-reported score stands beside the independent one, never merged into it: one rated commitment, substantial (⅔).
    const selfOverall = tha.find((r) => r.scope === 'overall' && r.assessor === 'self_reported')!;
    expect(selfOverall).toMatchObject({ score: '0.6667', rated: '1' });
    // The party's scores hold from its latest publication on (both assessors' current assessments).
    expect(selfOverall.published_through).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(selfOverall.published_through! >= '2026-06-02T09:00:00.000Z').toBe(true);
    expect(selfOverall.valid_from! >= '2026-06-01').toBe(true);
    expect(Number(selfOverall.coverage)).toBeCloseTo(1 / Number(selfOverall.applicable), 4);
    const bjs = tha.find((r) => r.scope === 'instrument' && r.scope_key === 'bangkok-joint-statement-2025' && r.assessor === 'independent')!;
    expect(bjs.scope_name_en).toContain('Bangkok Joint Statement');
    expect(Number(bjs.rated)).toBeGreaterThan(0);
    expect(tha.some((r) => r.scope === 'theme' && r.scope_name_en === 'Political commitment and governance')).toBe(true);
    // Not rated is empty, never 0.
    const unrated = rows.filter((r) => r.rated === '0');
    expect(unrated.length).toBeGreaterThan(0);
    for (const r of unrated) expect(r.score).toBe('');
    for (const r of rows.filter((r) => r.rated !== '0')) expect(r.score).toMatch(/^(0|1|0\.\d{1,4})$/);
    // A name a spreadsheet would run as a formula is neutralised.
    expect(rows.find((r) => r.party_slug === 'are')!.party_name_en).toBe(`'${FORMULA_NAME}`);
  });

  it('assessments.csv: party names and commitment titles after the old columns', async () => {
    const { header, rows } = await csv('assessments');
    expect(header.slice(0, 12)).toEqual(['id', 'party_slug', 'commitment_code', 'instrument_slug', 'theme', 'status', 'assessor', 'as_of', 'published_at', 'confidence', 'narrative_en', 'narrative_th']);
    expect(header.slice(12)).toEqual(['party_name_en', 'party_name_th', 'commitment_title_en', 'commitment_title_th']);
    const newer = rows.find((r) => r.id === String(ids.newer))!;
    expect(newer).toMatchObject({ party_name_en: 'Thailand', party_name_th: 'ไทย', commitment_title_en: await titleOf('BJS-3') });
    expect(rows.find((r) => r.party_slug === 'are')!.party_name_en).toBe(`'${FORMULA_NAME}`);
    expect(rows.some((r) => r.id === String(ids.draft))).toBe(false);
  });

  it('evidence.csv carries confidence and checked_on', async () => {
    const { header, rows } = await csv('evidence');
    expect(header.slice(-2)).toEqual(['confidence', 'checked_on']);
    expect(rows.find((r) => r.url === 'https://example.org/law?x=1&y=2')).toMatchObject({ confidence: 'confirmed', checked_on: '2026-06-01' });
    expect(rows.find((r) => r.url === 'https://example.org/news')).toMatchObject({ confidence: 'reported', checked_on: '' });
  });

  it('lists the new download on /data with its columns, in English and Thai', async () => {
    const en = await page('/data');
    expect(en.html).toContain('href="/data/party-scores.csv"');
    expect(en.html).toContain('data-table="dictionary-party-scores"');
    expect(en.html).toContain('<code>published_through</code>');
    const th = await page('/th/data');
    expect(th.html).toContain('คะแนนรายภาคี');
  });
});

describe('API evidence', () => {
  it('carries confidence and checkedOn in /api/v1/assessments and the scorecard', async () => {
    const list = (await (await server.get('/api/v1/assessments?party=tha&limit=200')).json()) as Json;
    const newer = (list.data as Json[]).find((a) => a.id === ids.newer)!;
    expect(newer.evidence).toEqual([
      expect.objectContaining({ url: 'https://example.org/law?x=1&y=2', grade: 'law', confidence: 'confirmed', checkedOn: '2026-06-01' }),
      expect.objectContaining({ url: 'https://example.org/news', confidence: 'reported', checkedOn: null }),
    ]);
    const scorecard = ((await (await server.get('/api/v1/parties/tha')).json()) as Json).data as Json;
    const current = (scorecard.commitments as Json[]).find((c) => c.code === 'BJS-3')!;
    expect(current.current.self_reported.id).toBe(ids.newer);
    expect(current.current.self_reported.evidence[0]).toMatchObject({ confidence: 'confirmed', checkedOn: '2026-06-01' });
    const anyEvidence = (scorecard.commitments as Json[]).flatMap((c) => [c.current.independent, c.current.self_reported].filter(Boolean).flatMap((a: Json) => a.evidence as Json[]));
    expect(anyEvidence.length).toBeGreaterThan(2);
    for (const e of anyEvidence) {
      expect(e).toHaveProperty('confidence');
      expect(e).toHaveProperty('checkedOn');
    }
  });
});
