/**
 * Seeded English text left on Thai and Indonesian pages, against a built server on the seeded
 * database: where an instrument was adopted and the note on its entry-into-force rule
 * (content/translations/{th,id}/instrument-details.yaml), a conference's note on its count of
 * participants (th/conferences.yaml, id/conferences.yaml), the instruments list's titles in
 * Indonesian, and the open-data page's list of API endpoints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

async function pageText(path: string): Promise<string> {
  const response = await server.get(path);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

const ACTIP = '/instruments/actip-2015';
const ACTIP_PLACE = 'Kuala Lumpur, Malaysia (27th ASEAN Summit)';
const ACTIP_RULE = 'Enters into force on the 30th day after the sixth instrument of ratification';
const COUNT_NOTE = "Organisers' count: 338 participants from 58 countries";

describe('instrument details', () => {
  it('are English on the English pages', async () => {
    const html = await pageText(ACTIP);
    expect(html).toContain(ACTIP_PLACE);
    expect(html).toContain(ACTIP_RULE);
    expect(await pageText('/instruments')).toContain(ACTIP_PLACE);
  });

  it('are Thai on /th: place of adoption and the entry-into-force note, on the page and in the list', async () => {
    const html = await pageText(`/th${ACTIP}`);
    expect(html).toContain('กัวลาลัมเปอร์ มาเลเซีย (การประชุมสุดยอดอาเซียน ครั้งที่ 27)');
    expect(html).toContain('มีผลใช้บังคับในวันที่ 30 หลังจากมีการมอบสัตยาบันสารฉบับที่หก');
    expect(html).not.toContain(ACTIP_PLACE);
    expect(html).not.toContain(ACTIP_RULE);
    const list = await pageText('/th/instruments');
    expect(list).toContain('นิวยอร์ก (ข้อมติสมัชชาใหญ่แห่งสหประชาชาติที่ 79/243)');
    expect(list).not.toContain(ACTIP_PLACE);
  });

  it('are Indonesian on /id, and the list gives the Indonesian titles', async () => {
    const html = await pageText(`/id${ACTIP}`);
    expect(html).toContain('Kuala Lumpur, Malaysia (KTT ASEAN ke-27)');
    expect(html).toContain('Mulai berlaku pada hari ke-30 setelah instrumen ratifikasi keenam');
    expect(html).not.toContain(ACTIP_RULE);
    const list = await pageText('/id/instruments');
    expect(list).toContain('Konvensi ASEAN Menentang Perdagangan Orang, Terutama Perempuan dan Anak');
    expect(list).not.toContain('ASEAN Convention Against Trafficking in Persons');
  });
});

describe("a conference's note on its count of participants", () => {
  it('is English, Thai and Indonesian by the page', async () => {
    expect(await pageText('/conferences/ic-gpos-2025')).toContain(COUNT_NOTE);
    const th = await pageText('/th/conferences/ic-gpos-2025');
    expect(th).toContain('ตัวเลขของผู้จัด: ผู้เข้าร่วม 338 คนจาก 58 ประเทศ');
    expect(th).not.toContain(COUNT_NOTE);
    const id = await pageText('/id/conferences/ic-gpos-2025');
    expect(id).toContain('Hitungan penyelenggara: 338 peserta dari 58 negara');
    expect(id).not.toContain(COUNT_NOTE);
  });
});

describe("the open-data page's endpoints", () => {
  it('say what each returns in Thai and Indonesian, never in the OpenAPI English', async () => {
    const english = ['Published measures (laws, decrees', 'One published measure with its steps', 'What changed between two dates', 'Full-text search over parties'];
    const th = await pageText('/th/data');
    expect(th).toContain('สิ่งที่เปลี่ยนแปลงระหว่างสองวันที่ของภาคีหรือตราสาร');
    const id = await pageText('/id/data');
    expect(id).toContain('Pencarian teks lengkap pada pihak, instrumen, komitmen');
    for (const text of english) {
      expect(th).not.toContain(text);
      expect(id).not.toContain(text);
    }
  });
});
