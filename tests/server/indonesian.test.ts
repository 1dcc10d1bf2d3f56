/**
 * The site in Indonesian, against a built server on the seeded database: pages under /id with
 * lang="id", a language switch to the same page in all three languages, hreflang alternates,
 * seeded titles restated in Indonesian (and English marked lang="en" where there is no
 * translation), id-ID dates, search finding Indonesian text ("penipuan"), and the feed, embed
 * and badge in Indonesian. The translations table feeds the search index through triggers.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { translations } from '../../db/schema';
import { readPage, startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { callApi } from '../helpers/write-api';

let server: TestServer;
let db: Database;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
});
afterAll(() => stopServerWithDatabase(server, db));

const page = (path: string) => readPage(server, path);
const q = (text: string) => encodeURIComponent(text);

describe('pages under /id', () => {
  it('the home page is in Indonesian, lang="id", with the interface in Indonesian', async () => {
    const { status, html } = await page('/id');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('Pemantau Pernyataan Bersama Bangkok');
    expect(html).toContain('Langsung ke isi');
    expect(html).toContain('Ikhtisar');
  });

  it.each(['/parties/tha', '/instruments/bangkok-joint-statement-2025', '/search'])(
    'the language switch on /id%s offers all three languages, each leading to the same page',
    async (path) => {
      const { html } = await page(`/id${path}`);
      const nav = html.match(/<nav class="lang-switches"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
      expect(nav).toContain('<span class="lang-current" aria-current="true" lang="id">Bahasa Indonesia</span>');
      expect(nav).toMatch(new RegExp(`<a class="lang-switch" href="${path.replace(/[?]/g, '\\?')}" hreflang="en" lang="en"[^>]*>English</a>`));
      expect(nav).toMatch(new RegExp(`<a class="lang-switch" href="/th${path}" hreflang="th" lang="th"[^>]*>ไทย</a>`));
      // And the other languages offer Indonesian.
      const en = await page(path);
      expect(en.html).toMatch(new RegExp(`<a class="lang-switch" href="/id${path}" hreflang="id" lang="id"[^>]*>Bahasa Indonesia</a>`));
      const th = await page(`/th${path}`);
      expect(th.html).toMatch(new RegExp(`<a class="lang-switch" href="/id${path}" hreflang="id" lang="id"[^>]*>Bahasa Indonesia</a>`));
    },
  );

  it('the switch keeps the query string', async () => {
    const { html } = await page('/id/parties?kind=state');
    expect(html).toContain('href="/th/parties?kind=state" hreflang="th"');
    expect(html).toContain('href="/parties?kind=state" hreflang="en"');
  });

  it('the head has canonical and hreflang alternates for the three languages', async () => {
    const { html } = await page('/id/parties/tha');
    const o = server.origin;
    expect(html).toContain(`<link rel="canonical" href="${o}/id/parties/tha">`);
    for (const [lang, path] of [['en', '/parties/tha'], ['th', '/th/parties/tha'], ['id', '/id/parties/tha'], ['x-default', '/parties/tha']]) {
      expect(html).toContain(`<link rel="alternate" hreflang="${lang}" href="${o}${path}">`);
    }
    expect(html).toContain('<meta property="og:locale" content="id_ID">');
  });

  it('an instrument page shows its commitments in Indonesian, dates written for id-ID', async () => {
    const { html } = await page('/id/instruments/bangkok-joint-statement-2025');
    expect(html).toContain('Pernyataan Bersama Bangkok 2025 (Kemitraan Global melawan Penipuan Daring)');
    expect(html).toContain('Menjaga penipuan tetap dalam agenda nasional di bawah satu lembaga utama yang jelas');
    expect(html).toContain('Para peserta berkomitmen melindungi korban penipuan');
    // Adopted 18 December 2025: "18 Des 2025" in Indonesian (English: "18 Dec 2025").
    expect(html).toMatch(/<time datetime="2025-12-18"[^>]*>18 Des 2025<\/time>/);
    expect(html).not.toMatch(/<time [^>]*>[^<]*\b(?:Dec|December)\b/);
  });

  it('a scorecard shows the party name and the seeded narratives in Indonesian, none marked English', async () => {
    const { status, html } = await page('/id/parties/phl');
    expect(status).toBe(200);
    expect(html).toMatch(/<h1[^>]*>Filipina<\/h1>/);
    expect(html).toContain('>Konvensi Kejahatan Siber PBB</a>');
    expect(html).toContain('<p>Filipina telah melakukan sejumlah perubahan regulasi paling langsung di kawasan');
    expect(html).not.toMatch(/<p[^>]*><span lang="en">[^<]{20,}/);
  });

  it("a party's measures carry their Indonesian titles and summaries, none of them marked English", async () => {
    const { status, html } = await page('/id/parties/tha/measures');
    expect(status).toBe(200);
    expect(html).toContain('Pusat Operasi Antipenipuan Daring (AOC 1441)');
    expect(html).not.toMatch(/<[^>]+lang="en"[^>]*>Anti-Online Scam Operation Centre \(AOC 1441\)/);
    // The scorecard names the measures an assessment cites in Indonesian too.
    const scorecard = await page('/id/parties/tha');
    expect(scorecard.html).toContain('<li data-cited-measure="tha-aoc-1441-2023"><a href="/id/measures/tha-aoc-1441-2023">Pusat Operasi Antipenipuan Daring (AOC 1441)</a>');
    const aoc = await page('/id/measures/tha-aoc-1441-2023');
    expect(aoc.status).toBe(200);
    expect(aoc.html).toMatch(/<p class="lead"(?![^>]*lang=)[^>]*>Pusat layanan terpadu Kementerian Ekonomi dan Masyarakat Digital yang dibuka pada 1 November 2023/);
    expect(aoc.html).not.toContain('A one-stop centre of the Ministry of Digital Economy and Society');
    // Indonesia's own measures take their official Indonesian titles.
    const idn = await page('/id/parties/idn/measures');
    expect(idn.html).toContain('Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi');
  });

  it('the downloads page names every dataset in Indonesian', async () => {
    const { html } = await page('/id/data');
    for (const title of ['Penilaian yang diterbitkan', 'Skor per pihak', 'Indikator beserta nilainya', 'Hasil konferensi']) expect(html).toContain(`>${title}</a>`);
    expect(html).not.toContain('aria-label="Indicators with values"');
    // The data dictionary's descriptions and column meanings are Indonesian too.
    expect(html).not.toMatch(/<(td|span)[^>]* lang="en"/);
    expect(html).toContain('ISO 3166-1 alpha-3');
  });

  it('the methodology is written in Indonesian, with nothing in it marked English', async () => {
    const { status, html } = await page('/id/methodology');
    expect(status).toBe(200);
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).toContain('Skala status');
    expect(main).toContain('Jika belum ada yang dinilai, tidak ada skor, bukan nol.');
    expect(main).not.toContain('lang="en"');
  });

  it("the footer's sign-in link for staff keeps the page's language", async () => {
    expect((await page('/id/parties')).html).toContain('<a href="/id/login" data-link="sign-in" rel="nofollow">Masuk untuk staf</a>');
    expect((await page('/th/parties')).html).toMatch(/<a href="\/th\/login" data-link="sign-in"/);
    expect((await page('/parties')).html).toMatch(/<a href="\/login" data-link="sign-in"/);
  });

  it('numbers are grouped the Indonesian way', async () => {
    const { html } = await page('/id/parties');
    expect(html).toMatch(/\d+ pihak/);
  });
});

describe('search in Indonesian', () => {
  it('/id/search?q=penipuan finds the fraud and scam commitments in Indonesian, linked under /id', async () => {
    const { status, html } = await page(`/id/search?q=${q('penipuan')}`);
    expect(status).toBe(200);
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('<mark>penipuan</mark>');
    expect(html).toContain('href="/id/instruments/un-convention-against-cybercrime#commitment-UNCC-13"');
    expect(html).toContain('href="/id/instruments/bangkok-joint-statement-2025#commitment-BJS-1"');
  });

  it('the API finds Indonesian text with lang=id', async () => {
    const { status, body } = await callApi(server, 'GET', `/api/v1/search?q=${q('penipuan')}&lang=id`);
    expect(status).toBe(200);
    const commitments = body.data.find((g: any) => g.kind === 'commitment');
    const hit = commitments.results.find((r: any) => r.key === 'UNCC-13');
    expect(hit.lang).toBe('id');
    expect(hit.titleHtml).toContain('<mark>penipuan</mark>');
    expect(hit.links.html).toBe('/id/instruments/un-convention-against-cybercrime#commitment-UNCC-13');
  });

  it('a party is found by its Indonesian name', async () => {
    const { html } = await page(`/id/search?q=${q('Filipina')}`);
    expect(html).toContain('href="/id/parties/phl"');
  });

  it('a translation written later is in the index at once, and gone when removed (triggers)', async () => {
    const where = and(eq(translations.entity, 'commitment'), eq(translations.entityKey, 'UNCC-7'), eq(translations.field, 'title'), eq(translations.locale, 'id'));
    const [before] = await db.select().from(translations).where(where);
    expect(before).toBeDefined();
    try {
      await db.update(translations).set({ text: 'Mengkriminalisasi akses ilegal zqxwv' }).where(where);
      const found = await callApi(server, 'GET', `/api/v1/search?q=zqxwv&lang=id`);
      expect(found.body.data.find((g: any) => g.kind === 'commitment')?.results.map((r: any) => r.key)).toEqual(['UNCC-7']);
      await db.delete(translations).where(where);
      const gone = await callApi(server, 'GET', `/api/v1/search?q=zqxwv&lang=id`);
      expect(gone.body.data.find((g: any) => g.kind === 'commitment')).toBeUndefined();
    } finally {
      await db.insert(translations).values(before!).onConflictDoNothing();
    }
  });
});

describe('feeds, embeds and the badge in Indonesian', () => {
  it('the Atom feed under /id is in Indonesian', async () => {
    const { status, html: xml } = await page('/id/feed.xml');
    expect(status).toBe(200);
    expect(xml).toContain('xml:lang="id-ID"');
    expect(xml).toContain('Pemantau Pernyataan Bersama Bangkok: penilaian yang baru diterbitkan');
  });

  it('a party feed names the party in Indonesian', async () => {
    const { html: xml } = await page('/id/parties/phl/feed.xml');
    expect(xml).toContain('penilaian Filipina yang baru diterbitkan');
  });

  it('the embed is in Indonesian', async () => {
    const { status, html } = await page('/id/embed/parties/phl');
    expect(status).toBe(200);
    expect(html).toContain('<html lang="id"');
    expect(html).toContain('Filipina');
    expect(html).toContain('Skor keseluruhan');
  });

  it.each(['/id/embed/parties/phl.svg', '/embed/parties/phl.svg?lang=id'])('the badge %s is in Indonesian', async (path) => {
    const { status, html: svg } = await page(path);
    expect(status).toBe(200);
    expect(svg).toContain('Pemantau BJS');
    expect(svg).toContain('Filipina');
  });
});
