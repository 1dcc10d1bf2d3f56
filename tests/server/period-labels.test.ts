/**
 * Indicator values' period labels in Thai and Indonesian, against a built server on the seeded
 * database: Thailand's scorecard shows each label restated from
 * content/translations/{th,id}/period-labels.yaml (Thai years in the Buddhist era), with no
 * English label left; a label without a translation stays English, marked lang="en", and a
 * translation written later is shown on the next request. Indicator names, which have a Thai
 * column, come from content/translations/id/indicators.yaml in Indonesian: in the tables, the
 * charts' titles and the charts' downloads.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { translations } from '../../db/schema';
import { sourceNoteKey } from '../../src/domain/translation-content';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';

let server: TestServer;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const REPATRIATED = '2025, to 17 December';
/** Thailand's period labels in English, as content/indicators.yaml writes them. */
const THA_LABELS = [REPATRIATED, 'Recent months to December 2025', 'Nov 2023 – Jan 2024 (since the AOC opened)', 'Cumulative to November 2024', 'March 2022 to September 2025', 'Daily since early September 2025 (reported 17 Oct 2025)'];

async function pageText(path: string): Promise<string> {
  const response = await server.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The first cell of each row of one indicator's table. */
function periodCells(html: string, slug: string): string[] {
  const table = new RegExp(`<table data-table="indicator-${slug}">([\\s\\S]*?)</table>`).exec(html)?.[1] ?? '';
  return [...table.matchAll(/<tr><td>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
}

describe('indicator period labels', () => {
  it('are English on the English indicators page', async () => {
    const html = await pageText('/parties/tha/indicators');
    expect(periodCells(html, 'tha-victims-repatriated')).toEqual([REPATRIATED]);
  });

  it('are Thai on /th, years in the Buddhist era, with no English label left', async () => {
    const html = await pageText('/th/parties/tha/indicators');
    expect(periodCells(html, 'tha-victims-repatriated')).toEqual(['ปี 2568 ถึงวันที่ 17 ธ.ค.']);
    expect(periodCells(html, 'tha-aoc-reports')).toEqual(['พ.ย. 2566 – ม.ค. 2567 (นับตั้งแต่ศูนย์ AOC เปิดทำการ)']);
    for (const label of THA_LABELS) expect(html).not.toContain(label);
  });

  it('are Indonesian on /id, with no English label left', async () => {
    const html = await pageText('/id/parties/tha/indicators');
    expect(periodCells(html, 'tha-victims-repatriated')).toEqual(['2025, sampai 17 Desember']);
    expect(periodCells(html, 'tha-police-complaints')).toEqual(['Kumulatif sampai November 2024']);
    for (const label of THA_LABELS) expect(html).not.toContain(label);
  });

  it('show the English, marked lang="en", where a label has no translation, and a new translation at once', async () => {
    const where = and(eq(translations.entity, 'period_label'), eq(translations.entityKey, sourceNoteKey(REPATRIATED)), eq(translations.locale, 'th'));
    const [before] = await db.select().from(translations).where(where);
    expect(before?.source).toBe(REPATRIATED);
    await pageText('/th/parties/tha/indicators');
    try {
      await db.delete(translations).where(where);
      expect(periodCells(await pageText('/th/parties/tha/indicators'), 'tha-victims-repatriated')).toEqual([`<span lang="en">${REPATRIATED}</span>`]);
      await db.insert(translations).values({ ...before!, text: 'ปี 2568 จนถึง 17 ธ.ค. zqxwv' });
      expect(periodCells(await pageText('/th/parties/tha/indicators'), 'tha-victims-repatriated')).toEqual(['ปี 2568 จนถึง 17 ธ.ค. zqxwv']);
    } finally {
      await db.delete(translations).where(where);
      await db.insert(translations).values(before!);
    }
  });
});

describe('indicator names in Indonesian', () => {
  const FROZEN = 'Bank accounts frozen or suspended at AOC request';
  const FROZEN_ID = 'Rekening bank yang dibekukan atau ditangguhkan atas permintaan AOC';

  it("name the table, the chart and its download on Thailand's indicators page and its scorecard, with no English name left", async () => {
    expect(await pageText('/id/parties/tha')).toContain(`<a href="/id/parties/tha/indicators#indicator-tha-aoc-accounts-frozen">${FROZEN_ID}</a>`);
    const html = await pageText('/id/parties/tha/indicators');
    expect(html).toContain(`<table data-table="indicator-tha-aoc-accounts-frozen"><caption>${FROZEN_ID}</caption>`);
    expect(html).toMatch(new RegExp(`<span class="chart-title"[^>]*>${FROZEN_ID}</span>`));
    expect(html).not.toContain(FROZEN);
    const svg = await pageText('/id/parties/tha/charts/indicator-tha-aoc-accounts-frozen.svg');
    expect(svg).toContain(FROZEN_ID);
    expect(svg).not.toContain(FROZEN);
    // English and Thai are unchanged.
    expect(await pageText('/parties/tha/charts/indicator-tha-aoc-accounts-frozen.svg')).toContain(FROZEN);
    expect(await pageText('/th/parties/tha/charts/indicator-tha-aoc-accounts-frozen.svg')).toContain('จำนวนบัญชีธนาคารที่ถูกอายัดหรือระงับตามคำขอของศูนย์ AOC');
  });

  it("name the party in the Indonesian score charts' downloads", async () => {
    const svg = await pageText('/id/parties/phl/charts/instruments-independent.svg');
    expect(svg).toContain('Filipina');
    expect(svg).not.toContain('Philippines');
  });
});
