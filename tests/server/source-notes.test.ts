/**
 * Sources' notes in Thai and Indonesian, against a built server on the seeded database: the
 * notes on the Convention's page (its own source, each signature's, each domestic step's) are
 * restated from content/translations/{th,id}/source-notes.yaml, with no English note left;
 * a note without a translation stays English, marked lang="en", and a translation written
 * later is shown on the next request (the translations' data version), cached pages included.
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

const UNCC = '/instruments/un-convention-against-cybercrime';
const HOST_SIGNED = 'The host country signed first, at the opening of the ceremony on 25 October (news report). The signature itself is on the UN Treaty Collection list.';
const UNCC_NOTES = [
  'Title, adoption (GA resolution 79/243, 24 December 2024, without a vote)',
  HOST_SIGNED,
  'Signed at UN Headquarters after the Hanoi ceremony.',
  'The British ambassador signed for the United Kingdom',
  'Signed at Hanoi (on the UN Treaty Collection list); the day is inferred by elimination.',
  'The designation of authorities is also reported by Report.az',
];

/** The page's text with the entities Astro writes for quotes and ampersands read back. */
async function pageText(path: string): Promise<string> {
  const response = await server.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('source notes', () => {
  it('are English on the English page', async () => {
    const html = await pageText(UNCC);
    for (const note of UNCC_NOTES) expect(html).toContain(note);
  });

  it('are Thai on /th, in the page\'s lang="th", with no English note left', async () => {
    const html = await pageText(`/th${UNCC}`);
    expect(html).toMatch(/<html lang="th"/);
    expect(html).toContain('ประเทศเจ้าภาพลงนามเป็นรายแรกในช่วงเปิดพิธีเมื่อ 25 ตุลาคม (รายงานข่าว)');
    expect(html).toContain('ผู้เก็บรักษายังไม่ได้บันทึกการให้สัตยาบัน');
    expect(html).toContain('Report.az รายงานการแต่งตั้งหน่วยงานผู้มีอำนาจด้วย');
    // Not inside an element marked as another language.
    expect(html).not.toMatch(/lang="en"[^>]*>ประเทศเจ้าภาพลงนาม/);
    for (const note of UNCC_NOTES) expect(html).not.toContain(note);
  });

  it('are Indonesian on /id, with no English note left', async () => {
    const html = await pageText(`/id${UNCC}`);
    expect(html).toMatch(/<html lang="id"/);
    expect(html).toContain('Negara tuan rumah menandatangani pertama kali');
    expect(html).toContain('penyimpan belum mencatat ratifikasi');
    for (const note of UNCC_NOTES) expect(html).not.toContain(note);
  });

  it('show the English, marked lang="en", where a note has no translation, and a new translation at once', async () => {
    const where = and(eq(translations.entity, 'source_note'), eq(translations.entityKey, sourceNoteKey(HOST_SIGNED)), eq(translations.locale, 'th'));
    const [before] = await db.select().from(translations).where(where);
    expect(before?.source).toBe(HOST_SIGNED);
    // Rendered and kept by the page cache first, so that the change must pass through it.
    await pageText(`/th${UNCC}`);
    try {
      await db.delete(translations).where(where);
      expect(await pageText(`/th${UNCC}`)).toContain(`<span lang="en">${HOST_SIGNED}</span>`);
      await db.insert(translations).values({ ...before!, text: 'ประเทศเจ้าภาพลงนามก่อนใคร zqxwv' });
      const html = await pageText(`/th${UNCC}`);
      expect(html).toContain('ประเทศเจ้าภาพลงนามก่อนใคร zqxwv');
      expect(html).not.toContain(HOST_SIGNED);
    } finally {
      await db.delete(translations).where(where);
      await db.insert(translations).values(before!);
    }
  });

  it('are translated on a conference page (each participant\'s note) and on an indicators page (each indicator value\'s)', async () => {
    const conference = await pageText('/th/conferences/ic-gpos-2025');
    expect(conference).toContain('สมาชิกผู้ก่อตั้งของหุ้นส่วนระดับโลก');
    expect(conference).not.toContain('Founding member of the Global Partnership.');
    const scorecard = await pageText('/id/parties/tha/indicators');
    expect(scorecard).toContain('Data Kepolisian Kerajaan Thailand sebagaimana dilaporkan');
    expect(scorecard).not.toContain('Royal Thai Police data as reported');
  });
});
