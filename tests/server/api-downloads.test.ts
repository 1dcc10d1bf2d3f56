/**
 * The /data page (English and Thai) and the bulk downloads: every table as CSV (BOM, CRLF,
 * RFC 4180, formulas neutralised) and JSON, columns as the data dictionary states them,
 * published rows only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent } from '../../db/content';
import { assessments, evidence } from '../../db/schema';
import { DATASETS } from '../../src/lib/api/datasets';
import { seedDatabase } from '../../db/seed';
import { createFixtureContentDir } from '../helpers/measure-fixtures';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

type Json = Record<string, any>;

let server: TestServer;
let db: Database;
let injectionId: number;
let draftId: number;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  // The measure fixtures (tests/fixtures/measures-content), so that every download has rows.
  await seedDatabase(db, loadContent(createFixtureContentDir()));
  const [published] = await db
    .insert(assessments)
    .values({
      partySlug: 'tha',
      commitmentCode: 'BJS-3',
      status: 'limited',
      assessor: 'self_reported',
      asOf: '2026-02-01',
      narrativeEn: '=HYPERLINK("http://evil.example","click me")',
      narrativeTh: '+ไทย, "อ้างอิง"\r\nบรรทัดที่สอง',
      state: 'published',
      authorName: 'Secret Author Name',
      reviewComment: 'Secret review comment',
      publishedAt: '2026-02-02T10:00:00.000Z',
    })
    .returning({ id: assessments.id });
  injectionId = published!.id;
  await db.insert(evidence).values({ assessmentId: injectionId, url: 'https://example.org/a', title: '@SUM(1+1)', publisher: '-Publisher', grade: 'other' });
  const [draft] = await db
    .insert(assessments)
    .values({ partySlug: 'tha', commitmentCode: 'BJS-4', status: 'complete', assessor: 'self_reported', asOf: '2026-02-01', narrativeEn: 'DRAFT-ONLY text', state: 'draft', authorName: 'Fixture' })
    .returning({ id: assessments.id });
  draftId = draft!.id;
  await db.insert(evidence).values({ assessmentId: draftId, url: 'https://example.org/draft-evidence', title: 'Draft evidence', publisher: 'X', grade: 'other' });
});
afterAll(() => stopServerWithDatabase(server, db));

/** A small RFC 4180 reader. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  expect(cell, 'the file ends with CRLF').toBe('');
  return rows;
}

async function download(name: string, ext: 'csv' | 'json') {
  const response = await server.get(`/data/${name}.${ext}`);
  expect(response.status, `${name}.${ext}`).toBe(200);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, text: bytes.toString('utf8') };
}

describe('the /data page', () => {
  for (const prefix of ['', '/th']) {
    it(`${prefix}/data lists every download, the API, the licence and the whole dictionary`, async () => {
      const response = await server.get(`${prefix}/data`);
      expect(response.status).toBe(200);
      // Scoped-style attributes off, so that the markup reads plainly.
      const html = (await response.text()).replace(/ data-astro-cid-\w+/g, '');
      const plain = (fragment: string) => fragment.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
      expect(html).toContain(prefix ? '<html lang="th"' : '<html lang="en"');
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).toContain(prefix ? 'ข้อมูลเปิด' : 'Open data');
      expect(html).toContain('href="https://creativecommons.org/licenses/by/4.0/"');
      expect(html).toContain('CC BY 4.0');
      expect(html).toContain('href="/api/v1/openapi.json"');
      for (const dataset of DATASETS) {
        expect(html).toContain(`href="/data/${dataset.name}.csv"`);
        expect(html).toContain(`href="/data/${dataset.name}.json"`);
        const table = html.match(new RegExp(`<table[^>]*data-table="dictionary-${dataset.name}"[\\s\\S]*?</table>`))?.[0];
        expect(table, dataset.name).toBeDefined();
        for (const column of dataset.columns) expect(table).toContain(`<code>${column.name}</code>`);
        for (const column of dataset.columns) expect(plain(table!)).toContain(column.meaning[prefix ? 'th' : 'en'].replaceAll('`', ''));
      }
    });
  }
});

describe('every download', () => {
  for (const dataset of DATASETS) {
    it(`${dataset.name}.csv and ${dataset.name}.json hold the same rows, with the dictionary's columns`, async () => {
      const csv = await download(dataset.name, 'csv');
      expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(csv.response.headers.get('content-disposition')).toBe(`attachment; filename="${dataset.name}.csv"`);
      expect(csv.response.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const body = csv.text.slice(1);
      expect(body.replace(/"[^"]*"/g, '').match(/(?<!\r)\n/), 'every line ends with CRLF').toBeNull();
      const rows = parseCsv(body);
      expect(rows[0]).toEqual(dataset.columns.map((c) => c.name));
      for (const row of rows.slice(1)) expect(row).toHaveLength(dataset.columns.length);

      const json = await download(dataset.name, 'json');
      expect(json.response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const parsed = JSON.parse(json.text) as Json;
      expect(parsed.dataset).toBe(dataset.name);
      expect(parsed.licence).toMatchObject({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
      expect((parsed.columns as Json[]).map((c) => c.name)).toEqual(dataset.columns.map((c) => c.name));
      expect(parsed.data).toHaveLength(rows.length - 1);
      for (const record of parsed.data as Json[]) {
        expect(Object.keys(record)).toEqual(dataset.columns.map((c) => c.name));
        for (const column of dataset.columns) {
          const value = record[column.name];
          if (value === null) {
            expect(column.nullable, `${dataset.name}.${column.name} is never empty`).toBe(true);
            continue;
          }
          const type = column.type;
          if (typeof type !== 'string') expect(type.enum, `${dataset.name}.${column.name}`).toContain(value);
          else if (type === 'integer') expect(Number.isInteger(value), `${dataset.name}.${column.name}`).toBe(true);
          else if (type === 'number') expect(typeof value).toBe('number');
          else if (type === 'boolean') expect(typeof value).toBe('boolean');
          else if (type === 'date') expect(value, `${dataset.name}.${column.name}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          else if (type === 'timestamp') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/);
          else expect(typeof value).toBe('string');
        }
      }
      expect(parsed.data.length, `${dataset.name} has rows`).toBeGreaterThan(0);
    });
  }

  it('an unknown file is a 404', async () => {
    for (const path of ['/data/nope.csv', '/data/parties.xml', '/data/parties', '/data/PARTIES.csv']) {
      expect((await server.get(path)).status, path).toBe(404);
    }
  });

  it('answers a matching If-None-Match with a 304', async () => {
    const first = await server.get('/data/parties.csv');
    const etag = first.headers.get('etag')!;
    await first.arrayBuffer();
    const again = await server.get('/data/parties.csv', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('what the downloads contain', () => {
  it('parties keep their Thai names, readable as UTF-8', async () => {
    const rows = parseCsv((await download('parties', 'csv')).text.slice(1));
    const header = rows[0]!;
    const tha = rows.find((r) => r[header.indexOf('slug')] === 'tha')!;
    expect(tha[header.indexOf('name_th')]).toBe('ไทย');
    expect(rows.length - 1).toBe(loadContent().parties.length);
  });

  it('neutralises formula cells and keeps quotes, commas and line breaks in one cell', async () => {
    const rows = parseCsv((await download('assessments', 'csv')).text.slice(1));
    const header = rows[0]!;
    const row = rows.find((r) => r[header.indexOf('id')] === String(injectionId))!;
    expect(row[header.indexOf('narrative_en')]).toBe(`'=HYPERLINK("http://evil.example","click me")`);
    expect(row[header.indexOf('narrative_th')]).toBe(`'+ไทย, "อ้างอิง"\r\nบรรทัดที่สอง`);
    const evidenceRows = parseCsv((await download('evidence', 'csv')).text.slice(1));
    const eh = evidenceRows[0]!;
    const e = evidenceRows.find((r) => r[eh.indexOf('assessment_id')] === String(injectionId))!;
    expect(e[eh.indexOf('title')]).toBe("'@SUM(1+1)");
    expect(e[eh.indexOf('publisher')]).toBe("'-Publisher");
    // JSON carries the text as it is.
    const json = JSON.parse((await download('assessments', 'json')).text) as Json;
    expect((json.data as Json[]).find((r) => r.id === injectionId)!.narrative_en).toBe('=HYPERLINK("http://evil.example","click me")');
  });

  it('hold published assessments and their evidence only, without staff fields', async () => {
    const assessmentsText = (await download('assessments', 'json')).text;
    const json = JSON.parse(assessmentsText) as Json;
    const ids = (json.data as Json[]).map((r) => r.id as number);
    expect(ids).toContain(injectionId);
    expect(ids).not.toContain(draftId);
    expect(assessmentsText).not.toContain('DRAFT-ONLY');
    expect(assessmentsText).not.toContain('Secret Author Name');
    expect(assessmentsText).not.toContain('Secret review comment');
    const evidenceJson = JSON.parse((await download('evidence', 'json')).text) as Json;
    const published = new Set(ids);
    for (const e of evidenceJson.data as Json[]) expect(published.has(e.assessment_id), String(e.assessment_id)).toBe(true);
    expect(JSON.stringify(evidenceJson)).not.toContain('draft-evidence');
    // Seed assessments are all there.
    expect(ids.length).toBeGreaterThanOrEqual(loadContent().assessments.length + 1);
  });

  it('the assessments download lists the same rows as the API, in the same order', async () => {
    const json = JSON.parse((await download('assessments', 'json')).text) as Json;
    const api: number[] = [];
    let cursor: string | null = null;
    do {
      const response = await server.get(`/api/v1/assessments?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await response.json()) as Json;
      api.push(...(page.data as Json[]).map((a) => a.id as number));
      cursor = page.nextCursor as string | null;
    } while (cursor);
    expect((json.data as Json[]).map((r) => r.id)).toEqual(api);
  });
});
