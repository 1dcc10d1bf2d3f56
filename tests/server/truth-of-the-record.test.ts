/**
 * Truth of the record (issue 12) over HTTP: deposits only as the depositary records them,
 * domestic steps on the scorecard, provenance beside each fact, and the data-quality page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPage, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const page = (path: string) => readPage(server, path);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const figure = (html: string, name: string) => html.match(new RegExp(`data-figure="${name}"[^>]*>([^<]*)<`))?.[1]?.trim();
type Json = Record<string, any>;

describe('deposits as the depositary records them', () => {
  it('the home page counts 0 deposits and links the count to the rows behind it', async () => {
    for (const path of ['/', '/th']) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(figure(html, 'ratifications')).toBe('0');
      expect(html).toMatch(/href="(\/th)?\/instruments\/un-convention-against-cybercrime#deposits"/);
    }
  });

  it('/api/v1/instruments/un-convention-against-cybercrime counts 0, lists nothing reported as deposited, and carries the domestic steps', async () => {
    const response = await server.get('/api/v1/instruments/un-convention-against-cybercrime');
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as { data: Json };
    expect(data.entryIntoForce.counted).toBe(0);
    expect(data.entryIntoForce.qualifying).toEqual([]);
    expect(data.entryIntoForce.stillNeeded).toBe(40);
    expect(data.entryIntoForce.status).toBe('pending');
    expect(data.entryIntoForce.reportedNotDeposited).toEqual([]);
    const consents = (data.participations as Json[]).filter((p) => p.action !== 'signature');
    expect(consents).toEqual([]);
    expect((data.domesticSteps as Json[]).map((d) => [d.party, d.step, d.takenOn])).toEqual([
      ['aze', 'parliament_approved', '2026-02-10'],
      ['aze', 'law_signed', '2026-02-23'],
    ]);
    const aze = (data.participations as Json[]).find((p) => p.party === 'aze')!;
    expect(aze.reservations.map((r: Json) => r.article)).toEqual(['Art. 7(2)', 'Art. 9(2)', 'Art. 11(3)', 'Art. 63(3)']);
    expect(aze.source).toMatchObject({ confidence: 'confirmed', checkedOn: '2026-12-05', exactSource: true });
    const signers = (data.participations as Json[]).map((p) => p.party);
    expect(signers).not.toContain('can');
    expect(signers).not.toContain('are');
  });

  it('the instrument page says the depositary records none and lists what is reported apart', async () => {
    for (const path of ['/instruments/un-convention-against-cybercrime', '/th/instruments/un-convention-against-cybercrime']) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain('id="deposits"');
      expect(html).toContain('data-figure="deposits-recorded"');
      const reported = html.slice(html.indexOf('data-list="reported"'));
      expect(reported).toContain('data-step="parliament_approved"');
      expect(reported).toContain('data-step="law_signed"');
    }
    const { html } = await page('/instruments/un-convention-against-cybercrime');
    expect(text(html)).toContain('No instrument of ratification, acceptance, approval or accession is recorded by the depositary.');
  });
});

describe('the scorecard pipeline', () => {
  it('/parties/aze shows the two 2026 domestic steps between signature and deposit', async () => {
    const { status, html } = await page('/parties/aze');
    expect(status).toBe(200);
    const pipeline = html.slice(html.indexOf('data-pipeline="un-convention-against-cybercrime"'));
    expect(pipeline).toMatch(/data-stage="domestic"/);
    const kinds = [...pipeline.slice(0, pipeline.indexOf('</ol>')).matchAll(/data-kind="([a-z_]+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual(['signed', 'domestic', 'domestic']);
    expect(pipeline).toContain('datetime="2026-02-10"');
    expect(pipeline).toContain('datetime="2026-02-23"');
    expect(text(pipeline)).toContain('Parliament approved');
    expect(text(pipeline)).toContain('Law or decree signed');
    expect(text(pipeline)).toContain('Art. 7(2)');
    const th = await page('/th/parties/aze');
    expect(th.status).toBe(200);
    expect(text(th.html)).toContain('รัฐสภาให้ความเห็นชอบ');
  });

  it('shows confidence and last-checked date beside each treaty action and figure, none citing a home page', async () => {
    const { html } = await page('/parties/aze');
    const pipeline = html.slice(html.indexOf('data-pipeline="un-convention-against-cybercrime"'));
    expect(text(pipeline)).toMatch(/confirmed in source · checked 5 Dec 2026/);
    const tha = await page('/parties/tha');
    expect(tha.html).toMatch(/data-provenance="(confirmed|reported|inferred)"/);
    expect(text(tha.html)).toMatch(/checked \d{1,2} [A-Z][a-z]{2} 20\d\d/);
    // Every fact on Thailand's scorecard cites the page that states it: none is a home page.
    expect(text(tha.html)).not.toContain('exact source not recorded');
  });
});

describe('evidence provenance on the scorecard', () => {
  it('shows each evidence item with its confidence and the day it was last read', async () => {
    const { html } = await page('/parties/bgd');
    const items = [...html.matchAll(/<li data-evidence="\d+"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!));
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item).toMatch(/· (confirmed in source|reported by a secondary source|inferred) · checked 5 Dec 2026/);
    const th = await page('/th/parties/bgd');
    expect(text(th.html)).toContain('ตรวจสอบเมื่อ');
  });
});

describe('/data/quality', () => {
  it('shows facts by confidence, rows without an exact source, stale facts and the open questions, in English and Thai', async () => {
    const { status, html } = await page('/data/quality');
    expect(status).toBe(200);
    expect(html).toContain('data-table="by-confidence"');
    expect(Number(figure(html, 'facts-total'))).toBeGreaterThan(300);
    // The seed cites no home page; the count is shown all the same (rows without a source would be listed).
    expect(figure(html, 'no-exact-count')).toMatch(/^\d+$/);
    expect(html).not.toContain('href="https://asean.org/"');
    expect(html).toContain('id="question-uncc-74th-signatory"');
    expect(html).toContain('id="question-tha-decree-platform-liability"');
    expect(figure(html, 'stale-count')).toBe('0');
    const th = await page('/th/data/quality');
    expect(th.status).toBe(200);
    expect(th.html).toContain('<html lang="th"');
    expect(th.html).toContain('คุณภาพข้อมูล');
    expect(th.html).toContain('ใครคือผู้ลงนามลำดับที่ 74');
  });

  it('is linked from the footer and the methodology page', async () => {
    for (const path of ['/', '/methodology']) {
      const { html } = await page(path);
      expect(html).toContain('href="/data/quality"');
    }
    const { html } = await page('/th/methodology');
    expect(html).toContain('href="/th/data/quality"');
  });
});
