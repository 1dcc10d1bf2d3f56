/**
 * The instrument, theme and home pages over HTTP (issue 14): each opens with its answer in
 * words (English and Thai), the Convention's grid shows what is rated under readable column
 * titles with the rest summarised in one line, every status links to its assessment, a chart
 * with fewer than two observations is said in words, and the progress runs to the day shown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import { readPage, startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

const page = (path: string) => readPage(server, path);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ ([;.,])/g, '$1').trim();
const answerOf = (html: string) => text(html.match(/<p class="answer"[^>]*data-answer[^>]*>([\s\S]*?)<\/p>/)?.[1] ?? '');
const section = (html: string, id: string) => {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

const UNCC = '/instruments/un-convention-against-cybercrime';
const BJS = '/instruments/bangkok-joint-statement-2025';
const content = loadContent();
const uncc = content.instruments.find((i) => i.slug === 'un-convention-against-cybercrime')!;
const signatories = new Set(uncc.participations.filter((p) => p.action === 'signature').map((p) => p.party)).size;

describe('the Convention page', () => {
  it('heads with the short title, gives the full title below it, and opens with its answer', async () => {
    const { status, html } = await page(UNCC);
    expect(status).toBe(200);
    expect(text(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!)).toBe('United Nations Convention against Cybercrime');
    expect(html).toMatch(/data-field="full-title"[^>]*>United Nations Convention against Cybercrime; Strengthening International Cooperation/);
    expect(answerOf(html)).toMatch(
      new RegExp(`^The United Nations Convention against Cybercrime has ${signatories} signatories; none has deposited an instrument of ratification; it needs 40 deposits to enter into force\\. \\d+ of ${signatories} parties have a rated commitment under it\\.$`),
    );
    const th = await page(`/th${UNCC}`);
    expect(th.status).toBe(200);
    expect(text(th.html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)![1]!)).toBe('อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์');
    expect(answerOf(th.html)).toMatch(new RegExp(`^อนุสัญญาสหประชาชาติว่าด้วยอาชญากรรมไซเบอร์มีผู้ลงนามแล้ว ${signatories} ราย ยังไม่มีภาคีใดมอบสารให้สัตยาบัน ต้องมีการมอบสาร 40 ฉบับจึงจะมีผลใช้บังคับ ภาคี \\d+ รายจาก ${signatories} รายมีพันธกรณีที่ได้รับการประเมิน`));
  });

  it('shows only rated parties in the grid, under readable column titles, each status linked to its assessment; the rest in one line', async () => {
    const { html } = await page(UNCC);
    const rated = section(html, 'rated');
    const header = rated.slice(rated.indexOf('<thead'), rated.indexOf('</thead>'));
    const columns = [...header.matchAll(/<th scope="col"[^>]*data-code="([A-Z]+-\d+)"[^>]*>([\s\S]*?)<\/th>/g)];
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.length).toBeLessThan(16);
    for (const [, code, cell] of columns) {
      const title = text(cell!.replace(/<span class="code"[\s\S]*?<\/span>/, ''));
      expect(title.length, code).toBeGreaterThan(10);
      expect(title).not.toContain(code!);
      expect(cell).toMatch(new RegExp(`>${code}</span>`));
    }
    const rows = [...rated.matchAll(/<tr[^>]*data-party="([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(0);
    const links = [...rated.matchAll(/href="\/assessments\/(\d+)"/g)];
    expect(links.length).toBeGreaterThanOrEqual(rows.length);
    expect(rated).not.toMatch(/#assessment-\d+/);
    const unrated = signatories - rows.length;
    expect(text(rated)).toContain(`${unrated} parties not yet rated`);
    expect(text(rated)).toContain(`${16 - columns.length} commitments not yet rated for any party`);
    const list = rated.slice(rated.indexOf('data-summary="unrated-parties"'));
    expect([...list.slice(0, list.indexOf('</details>')).matchAll(/href="\/parties\/[a-z0-9-]+"/g)].length).toBe(unrated);

    const th = section((await page(`/th${UNCC}`)).html, 'rated');
    expect(text(th)).toContain(`ภาคี ${unrated} รายยังไม่ได้รับการประเมิน`);
    expect(th).toMatch(/href="\/th\/assessments\/\d+"/);
    const thHeader = th.slice(th.indexOf('<thead'), th.indexOf('</thead>'));
    expect(thHeader).toMatch(/[\u0E00-\u0E7F]{4,}/);
  });

  it('counts signatures, domestic steps and deposits in a table that runs to the day shown', async () => {
    const { html } = await page(`${UNCC}?as_of=2026-06-30`);
    const progress = section(html, 'progress');
    expect(progress).toContain('data-table="progress"');
    const rows = [...progress.matchAll(/<tr[^>]*data-date="(\d{4}-\d{2}-\d{2})"[^>]*>([\s\S]*?)<\/tr>/g)];
    expect(rows.at(-1)![1]).toBe('2026-06-30');
    const cell = (row: string, series: string) => text(row.match(new RegExp(`data-series="${series}"[^>]*>([^<]*)<`))![1]!);
    expect(cell(rows.at(-1)![2]!, 'signatures')).toBe(String(signatories));
    expect(cell(rows.at(-1)![2]!, 'domesticSteps')).toBe('2');
    expect(cell(rows.at(-1)![2]!, 'deposits')).toBe('0');
    expect(rows.find((r) => r[1] === '2026-02-10')).toBeDefined();
    expect(progress).toContain('data-chart="progress-lines"');
  });

  it('has jump links, a "hide not rated" switch that needs no script, and a print address with the permalink', async () => {
    const { html } = await page(UNCC);
    for (const id of ['eif', 'rated', 'progress', 'commitments', 'parties']) expect(html).toContain(`href="#${id}"`);
    expect(html).toContain('id="hide-unrated"');
    // 73 signatories: the full table opens on request (the rated ones are in the grid above).
    expect(html).toMatch(/<details class="parties-all"[^>]*data-summary="participations"[^>]*><summary[^>]*>All \d+ parties and their actions/);
    expect((await page(BJS)).html).not.toMatch(/<details class="parties-all"/);
    expect(html).toMatch(/<tr[^>]*data-rated="no"/);
    expect(html).toMatch(/<tr[^>]*data-rated="yes"/);
    expect(html).toContain(`${server.origin}${UNCC}?as_of=`);
    expect(html).toMatch(/class="print-only footnotes"[\s\S]*href="https:\/\/treaties\.un\.org\//);
  });
});

describe('the Joint Statement page', () => {
  it('answers who joined and how many are rated, and says in words that one date is too few for a chart', async () => {
    for (const [path, one] of [[BJS, 'too few for a chart'], [`/th${BJS}`, 'น้อยเกินกว่าจะแสดงเป็นแผนภูมิ']] as const) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(answerOf(html).length).toBeGreaterThan(20);
      const progress = section(html, 'progress');
      expect(progress).not.toContain('data-chart="progress-lines"');
      expect(progress).not.toContain('<astro-island');
      expect(text(progress)).toContain(one);
      expect(progress).toContain('data-table="progress"');
    }
    expect(answerOf((await page(BJS)).html)).toMatch(/^\d+ parties have joined the 2025 Bangkok Joint Statement .*; \d+ of \d+ parties have a rated commitment under it\.$|^\d+ parties have joined the 2025 Bangkok Joint Statement .*\. \d+ of \d+ parties have a rated commitment under it\.$/);
  });
});

describe('the theme page', () => {
  it('opens with its answer, lists rated parties first with linked statuses, and the rest in one line', async () => {
    const { status, html } = await page('/themes/law-enforcement');
    expect(status).toBe(200);
    expect(answerOf(html)).toMatch(/^\d+ parties have a rated commitment on “Law enforcement and investigation”; \d+ commitments? from \d+ instruments? fall under it\.$/);
    const scores = section(html, 'scores');
    const rows = [...scores.matchAll(/<tr[^>]*data-party="([a-z0-9-]+)"/g)];
    expect(rows.length).toBeGreaterThan(0);
    expect(scores).toMatch(/href="\/assessments\/\d+"/);
    expect(text(scores)).toMatch(/\d+ parties not yet rated/);
    expect(text(scores)).not.toMatch(/Coverage 0%/);
    const th = await page('/th/themes/law-enforcement');
    expect(th.status).toBe(200);
    expect(answerOf(th.html)).toMatch(/^ภาคี \d+ รายมีพันธกรณีที่ได้รับการประเมินในหัวข้อ “การบังคับใช้กฎหมายและการสืบสวน”/);
    expect(section(th.html, 'scores')).toMatch(/href="\/th\/assessments\/\d+"/);
  });
});

describe('the themes index', () => {
  it('opens with the theme that has the most rated parties, in English and Thai', async () => {
    expect(answerOf((await page('/themes')).html)).toMatch(/^“[^”]+” has the most parties with a rated commitment \(\d+\)\./);
    expect(answerOf((await page('/th/themes')).html)).toMatch(/^หัวข้อ “[^”]+” มีภาคีที่มีพันธกรณีที่ได้รับการประเมินมากที่สุด/);
  });
});

describe('the home page', () => {
  it('opens with the Convention’s standing and how many parties are rated, and links the latest statuses to their assessments', async () => {
    const { html } = await page('/');
    expect(answerOf(html)).toMatch(new RegExp(`^The United Nations Convention against Cybercrime has ${signatories} signatories; none has deposited an instrument of ratification; it needs 40 deposits to enter into force\\. \\d+ of \\d+ parties tracked have a rated commitment\\.$`));
    expect(section(html, 'latest')).toMatch(/href="\/assessments\/\d+"/);
    const th = await page('/th');
    expect(answerOf(th.html)).toContain('ที่ติดตามมีพันธกรณีที่ได้รับการประเมิน');
    expect(section(th.html, 'latest')).toMatch(/href="\/th\/assessments\/\d+"/);
  });
});
