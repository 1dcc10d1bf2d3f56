/**
 * The workspace's forms and record pages in Thai (`/th/workspace/…`), over HTTP against the
 * built server: every page has lang="th", a Thai title and Thai labels and no English label
 * left; a form sent from a Thai page comes back to the Thai page, and a failed save answers
 * 4xx with the error in Thai beside its field and everything typed kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

let server: TestServer;
let db: Database;
const cookies: Record<string, string> = {};
const USERS = {
  editor: { roles: ['editor'], parties: ['THA'] },
  reviewer: { roles: ['reviewer'], parties: [] },
} as const;
type Who = keyof typeof USERS;
let assessmentId = 0;
const MEASURE = 'tha-scam-reporting-rules-2026';

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const byEmail = await signInStaff(server, db, (Object.keys(USERS) as Who[]).map((who) => ({ email: `${who}@th-forms.test`, ...USERS[who] })));
  for (const who of Object.keys(USERS) as Who[]) cookies[who] = byEmail[`${who}@th-forms.test`]!;
  // A draft and a measure to open, made through the Thai forms.
  const created = await post('/th/workspace/parties/tha', 'assessments.create', [...assessmentForm(), ['intent', 'draft']]);
  expect(created.status, await created.clone().text()).toBe(303);
  const location = created.headers.get('location') ?? '';
  expect(location).toMatch(/^\/th\/workspace\/assessments\/\d+\?done=created$/);
  assessmentId = Number(/assessments\/(\d+)/.exec(location)![1]);
  const measure = await post('/th/workspace/measures', 'measures.create', measureForm());
  expect(measure.status, await measure.clone().text()).toBe(303);
  expect(measure.headers.get('location')).toBe(`/th/workspace/measures/${MEASURE}?done=created`);
});
afterAll(() => stopServerWithDatabase(server, db));

/** Posts a form to `path?_action=action` as a same-origin browser would. */
function post(path: string, action: string, fields: [string, string][], who: Who = 'editor') {
  return server.get(`${path}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies[who]! },
    body: new URLSearchParams(fields).toString(),
  });
}

const page = (path: string, who: Who = 'editor') => server.get(path, { headers: { cookie: cookies[who]! } });

const NARRATIVE = 'The cabinet adopted a national plan against scam centres, with a task force.';

function assessmentForm(overrides: Record<string, string> = {}, url = 'https://www.thaigov.go.th/news/contents/details/90001'): [string, string][] {
  const base = { party: 'tha', commitment: 'BJS-1', status: 'limited', asOf: '2026-01-15', narrative: NARRATIVE, narrativeTh: 'คณะรัฐมนตรีเห็นชอบแผนระดับชาติ', ...overrides };
  const fields: [string, string][] = Object.entries(base);
  const rows = [[url, 'มติคณะรัฐมนตรี', 'สำนักเลขาธิการคณะรัฐมนตรี', '2026-01-10', 'official'], ['', '', '', '', ''], ['', '', '', '', '']];
  for (const [u, title, publisher, date, grade] of rows) {
    fields.push(['evidenceUrl', u!], ['evidenceTitle', title!], ['evidencePublisher', publisher!], ['evidenceDate', date!], ['evidenceGrade', grade!]);
  }
  return fields;
}

function measureForm(overrides: Record<string, string> = {}, sourceUrl = 'https://www.bot.or.th/th/news/2026/rules'): [string, string][] {
  const base = { id: MEASURE, party: 'tha', kind: 'regulation', titleEn: 'Rules on reporting online fraud', titleTh: 'ประกาศว่าด้วยการรายงานการฉ้อโกงออนไลน์', titleOriginal: '', originalLanguage: '', summaryEn: 'Requires banks to report suspected online fraud within a day.', summaryTh: '', disputedEn: '', disputedTh: '', ...overrides };
  const fields: [string, string][] = Object.entries(base);
  fields.push(['stepStep', 'adopted'], ['stepDate', '2026-03-01'], ['stepUrl', 'https://www.bot.or.th/th/news/2026/rules'], ['stepPublisher', 'ธนาคารแห่งประเทศไทย'], ['stepConfidence', 'confirmed'], ['stepCheckedOn', '2026-12-05']);
  fields.push(['sourceRole', 'official'], ['sourceUrl', sourceUrl], ['sourceTitle', 'ประกาศ'], ['sourcePublisher', 'ธนาคารแห่งประเทศไทย'], ['sourceConfidence', 'confirmed'], ['sourceCheckedOn', '2026-12-05']);
  fields.push(['linkCode', 'BJS-6'], ['linkExtent', 'partly_covers'], ['linkNoteEn', ''], ['linkNoteTh', '']);
  return fields;
}

/**
 * The text a person reads in the page's language: tags, scripts, styles, code, cited evidence
 * and text marked as English (stored narratives, the language switch) removed, entities decoded.
 */
function visibleText(html: string): string {
  return html
    .replace(/<(\w+)[^>]*\slang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    // Evidence is cited as its publisher titled it, in whatever language that was.
    .replace(/<ul class="evidence-list">[\s\S]*?<\/ul>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<code>[\s\S]*?<\/code>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Interface words of these pages in English, none of which may be left on a Thai page. */
const ENGLISH_LABELS = [
  'Commitment', 'Status', 'Assessor', 'As of', 'Narrative', 'Evidence', 'Web address', 'Publisher', 'Grade', 'Save draft', 'Save changes', 'Save and submit',
  'Submit for review', 'Submit version', 'Written by', 'Version', 'Read only', 'choose', 'Parties', 'In my scope', 'Other parties', 'All parties', 'Kind', 'Code',
  'Public scorecard', 'Write a new assessment', 'Indicators', 'Add an indicator value', 'Period', 'Value', 'Source', 'Confidence', 'Note', 'Add value',
  'Overdue', 'Due ', 'No published assessment', 'Open and edit', 'Measures', 'Measure', 'Steps', 'Step ', 'Checked on', 'Exact page', 'What the page is',
  'How far', 'Why', 'Title', 'Summary', 'Original language', 'Where sources disagree', 'In progress', 'Nothing in progress', 'New measure', 'State', 'Party',
  'Import', 'Export', 'Upload', 'Check the file', 'CSV file', 'Only editors', 'Rows', 'Errors', 'Problem', 'Column', 'Dry run', 'Draft', 'Submitted', 'Published',
  'Returned', 'by ', 'version ', 'Reviewer', 'Nothing was saved', 'This could not be saved', 'Self-reported', 'Independent', 'Limited progress', 'Official document',
];

/** The English labels found in a page's visible text (data the staff typed in English excluded), each in its context. */
function englishLeft(html: string, typed: string[] = []): string[] {
  let text = visibleText(html);
  for (const value of typed) text = text.split(value).join(' ');
  // Each label found, with the words around it, so that a failure says where it is.
  return ENGLISH_LABELS.flatMap((label) => {
    const found = new RegExp(`(^|[^A-Za-z])${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(text);
    return found ? [`${label}: …${text.slice(Math.max(0, found.index - 40), found.index + label.length + 40)}…`] : [];
  });
}

const TYPED = [NARRATIVE, 'Rules on reporting online fraud', 'Requires banks to report suspected online fraud within a day.'];

describe('each form page of the workspace in Thai', () => {
  const pages: { path: () => string; title: () => string; labels: string[] }[] = [
    { path: () => '/th/workspace/parties', title: () => 'ภาคี', labels: ['ภาคีในขอบเขตของฉัน', 'ภาคีอื่น', 'รหัส', 'ประเภท', 'ไทย'] },
    {
      path: () => '/th/workspace/parties/tha',
      title: () => 'ไทย (THA)',
      labels: ['บัตรคะแนนสาธารณะ', 'จัดทำการประเมินใหม่', 'การประเมินใหม่', 'พันธกรณี', 'สถานะ', 'ผู้ประเมิน', 'ณ วันที่', 'คำอธิบาย (ภาษาอังกฤษ)', 'หลักฐานที่ 1', 'ที่อยู่เว็บ', 'บันทึกฉบับร่าง', 'บันทึกและส่งตรวจทาน', 'ตัวชี้วัด', 'เพิ่มค่าตัวชี้วัด', 'ส่งฉบับร่างที่เลือกไว้'],
    },
    {
      path: () => `/th/workspace/assessments/${assessmentId}`,
      title: () => `THA · BJS-1 · การประเมินที่ ${assessmentId}`,
      labels: ['สถานะการเผยแพร่', 'ฉบับร่าง', 'คืบหน้าบางส่วน', 'รายงานตนเอง', 'ผู้จัดทำ', 'แก้ไข', 'บันทึกการแก้ไข', 'ส่งตรวจทาน', 'ส่งฉบับที่ 1 ตรวจทาน', '15 ม.ค. 2569'],
    },
    { path: () => '/th/workspace/measures', title: () => 'มาตรการ', labels: ['อยู่ระหว่างจัดทำและรอการตรวจทาน', 'มาตรการใหม่', 'ประเภท', 'ขั้นตอนที่ 1', 'แหล่งที่มาที่ 1', 'พันธกรณีที่ 1', 'ระเบียบ/ประกาศ', 'ประกาศว่าด้วยการรายงานการฉ้อโกงออนไลน์'] },
    { path: () => `/th/workspace/measures/${MEASURE}`, title: () => `มาตรการ ${MEASURE}`, labels: ['สถานะการเผยแพร่', 'ฉบับร่าง', 'ผู้จัดทำ', 'ขั้นตอนพร้อมวันที่', 'หน้าเว็บที่ระบุข้อมูลนี้', 'ขอบเขต', 'ส่งฉบับที่ 1 ตรวจทาน'] },
    { path: () => '/th/workspace/import', title: () => 'นำเข้าการประเมิน (CSV)', labels: ['1. ส่งออก', 'รหัสภาคี', 'ส่งออก CSV', '2. อัปโหลดเพื่อตรวจสอบก่อนนำเข้า', 'ไฟล์ CSV (ไม่เกิน', 'ตรวจสอบไฟล์'] },
  ];

  for (const p of pages) {
    it(`${p.path().replace(/\d+$/, '{id}')}: lang="th", Thai title and labels, no English label, links inside /th/workspace`, async () => {
      const response = await page(p.path());
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toMatch(/<html lang="th"/);
      expect(html).toContain(`<title>${p.title()} · พื้นที่ทำงานเจ้าหน้าที่ ·`);
      for (const label of p.labels) expect(html, label).toContain(label);
      expect(englishLeft(html, TYPED)).toEqual([]);
      // Every link to another workspace page stays in Thai (the CSV download is a file, not a page).
      const links = [...html.matchAll(/href="(\/workspace\/[^"]*)"/g)].map((m) => m[1]!).filter((href) => !href.endsWith('.csv'));
      expect(links.filter((href) => href !== p.path().replace(/^\/th/, ''))).toEqual([]);
    });
  }

  it('the English pages keep their English words', async () => {
    const html = await (await page(`/workspace/assessments/${assessmentId}`)).text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain('<dt>Written by</dt>');
    expect(html).toContain('<dd><time datetime="2026-01-15">15 Jan 2026</time></dd>');
    expect(html).toContain('Submit version 1 for review');
  });

  it('a record that does not exist answers the workspace 404 page in Thai', async () => {
    for (const path of ['/th/workspace/assessments/987654', '/th/workspace/measures/tha-nothing-here', '/th/workspace/parties/zzz']) {
      const response = await page(path);
      expect(response.status, path).toBe(404);
      const html = await response.text();
      expect(html).toMatch(/<html lang="th"/);
      expect(html).toContain('ไม่มีระเบียนหรือหน้านี้');
      expect(html).not.toContain('No such');
    }
  });
});

describe('a failed save from a Thai form', () => {
  it('new assessment: 400, the Thai summary and the Thai error beside the field, everything typed kept', async () => {
    const typed = 'ข้อความที่บรรณาธิการพิมพ์ไว้นานต้องไม่หายไป';
    const response = await post('/th/workspace/parties/tha', 'assessments.create', [...assessmentForm({ status: '', narrativeTh: typed }, 'www.example.go.th/no-scheme'), ['intent', 'draft']]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<html lang="th"/);
    expect(html).toContain('<strong>บันทึกไม่สำเร็จ</strong>');
    expect(html).toMatch(/<a href="#new-status">สถานะ<\/a>: เลือกสถานะ/);
    expect(html).toMatch(/<p class="field-error" id="new-status-error">เลือกสถานะ<\/p>/);
    expect(html).toMatch(/<a href="#new-evidence-0-url">หลักฐาน 1: ที่อยู่เว็บ<\/a>/);
    expect(html).toMatch(/id="new-evidence-0-url-error">ที่อยู่เว็บต้องขึ้นต้นด้วย http:\/\/ หรือ https:\/\//);
    expect(html).toContain(`>${typed}</textarea>`);
    expect(html).toContain(`>${NARRATIVE}</textarea>`);
    expect(html).toContain('value="www.example.go.th/no-scheme"');
    expect(html).toContain('value="มติคณะรัฐมนตรี"');
    expect(englishLeft(html, [...TYPED, 'www.example.go.th/no-scheme'])).toEqual([]);
    // The language switch leads to the same page in English, without the action.
    expect(html).toMatch(/class="lang-switch" href="\/workspace\/parties\/tha"/);
  });

  it('edit of an assessment: 400 on the Thai page, Thai errors, the edit kept; a good save returns to the Thai page', async () => {
    const version = String((await db.$client.execute({ sql: 'SELECT version FROM assessments WHERE id = ?', args: [assessmentId] })).rows[0]!.version);
    const path = `/th/workspace/assessments/${assessmentId}`;
    const bad = await post(path, 'assessments.update', [...assessmentForm({ asOf: '15/01/2026', narrative: 'Short' }), ['id', String(assessmentId)], ['version', version], ['intent', 'save']]);
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toMatch(/<html lang="th"/);
    expect(html).toMatch(/id="edit-asOf-error">วันที่ “ณ วันที่” ต้องเป็นวันที่ เช่น 2026-01-31/);
    expect(html).toMatch(/id="edit-narrative-error">เขียนสิ่งที่ได้ดำเนินการเป็นภาษาอังกฤษ/);
    expect(html).toContain('value="15/01/2026"');
    expect(html).toContain('>Short</textarea>');
    const good = await post(path, 'assessments.update', [...assessmentForm({ status: 'substantial' }), ['id', String(assessmentId)], ['version', version], ['intent', 'save']]);
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe(`${path}?done=saved`);
    const saved = await (await page(`${path}?done=saved`)).text();
    expect(saved).toContain('บันทึกการแก้ไขแล้ว');
    expect(saved).toContain('คืบหน้ามาก');
  });

  it('new measure: 400, Thai errors beside each field at fault and named in the summary, what was typed kept', async () => {
    const response = await post('/th/workspace/measures', 'measures.create', measureForm({ id: 'npl-wrong-party-2026', titleEn: 'No' }, 'https://www.bot.or.th/'));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<html lang="th"/);
    expect(html).toMatch(/id="new-id-error">รหัสต้องขึ้นต้นด้วยรหัสภาคี “tha-”/);
    expect(html).toMatch(/id="new-titleEn-error">ระบุชื่อภาษาอังกฤษ/);
    expect(html).toMatch(/id="new-sources-0-url-error">ระบุหน้าเว็บที่ระบุข้อมูลนี้โดยตรง/);
    expect(html).toMatch(/<a href="#new-sources-0-url">แหล่งที่มาที่ 1: หน้าเว็บที่ระบุข้อมูลนี้<\/a>/);
    expect(html).toContain('value="npl-wrong-party-2026"');
    expect(html).toContain('value="ประกาศว่าด้วยการรายงานการฉ้อโกงออนไลน์"');
    expect(html).not.toMatch(/must be one of|must start with|not a home page/);
  });

  it('indicator value: 400 with the Thai sentence beside the value, the rest kept', async () => {
    const indicator = (await db.$client.execute("SELECT slug FROM indicators WHERE party_slug = 'tha' ORDER BY slug LIMIT 1")).rows[0]!.slug as string;
    const fields: [string, string][] = Object.entries({ indicator, periodStart: '', periodEnd: '2026-03-31', periodLabel: 'ไตรมาส 1 ปี 2026', value: 'มาก', valueHigh: '', sourceUrl: 'https://www.mdes.go.th/news/detail/9001', sourcePublisher: 'กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม', confidence: 'confirmed', note: '' });
    const response = await post('/th/workspace/parties/tha', 'indicators.addValue', fields);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="ind-value-error">ระบุค่าเป็นตัวเลข เช่น 1250 หรือ 3.5/);
    expect(html).toContain('value="ไตรมาส 1 ปี 2026"');
    expect(html).toContain('value="มาก"');
    const ok = await post('/th/workspace/parties/tha', 'indicators.addValue', fields.map(([k, v]) => [k, k === 'value' ? '1,250' : v]));
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/th/workspace/parties/tha?done=indicator#indicators');
  });
});

describe('the CSV dry run in Thai', () => {
  it('answers 400 with the Thai report: headings, counts and each cell’s problem in Thai words', async () => {
    const csv = 'party,commitment,assessor,status,as_of,narrative,evidence_1_url,evidence_1_title,evidence_1_publisher,evidence_1_date,evidence_1_grade\n' +
      'THA,BJS-2,self_reported,limited,15/01/2026,The task force met every month and published minutes.,https://www.thaigov.go.th/news/1,Minutes,Government House,2026-01-10,official\n';
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'tha.csv');
    const response = await server.get('/th/workspace/import?_action=import.preview', { method: 'POST', body: form, headers: { cookie: cookies.editor!, origin: server.origin } });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<html lang="th"/);
    // (The page's scoped style marks its elements with a data-astro-cid attribute.)
    expect(html).toMatch(/<h2 id="result-heading"[^>]*>ผลการตรวจสอบไฟล์ tha\.csv<\/h2>/);
    // The report takes the focus, so that the page opens on it rather than on the upload form above.
    expect(html).toMatch(/<section class="import-result" aria-labelledby="result-heading" data-testid="import-result" data-stage="preview" tabindex="-1" autofocus/);
    expect(html).toMatch(/<caption[^>]*>ข้อผิดพลาด: จะนำเข้าได้เมื่อทุกแถวถูกต้องแล้วเท่านั้น<\/caption>/);
    expect(html).toMatch(/<th scope="row"[^>]*>แถวที่อ่าน<\/th>/);
    expect(html).toContain('วันที่ “ณ วันที่” ต้องเป็นวันที่ เช่น 2026-01-31 ในเซลล์มีค่า “15/01/2026”');
    expect(englishLeft(html, ['tha.csv', 'as_of', 'CSV UTF-8'])).toEqual([]);
  });

  it('refuses a missing file or one that is not UTF-8 in Thai, beside the file field', async () => {
    const send = (form: FormData) => server.get('/th/workspace/import?_action=import.preview', { method: 'POST', body: form, headers: { cookie: cookies.editor!, origin: server.origin } });
    const none = await send(new FormData());
    expect(none.status).toBe(400);
    expect(await none.text()).toMatch(/<span class="field-error" id="file-error" role="alert"[^>]*>เลือกไฟล์ CSV ที่จะนำเข้า<\/span>/);
    const latin1 = new FormData();
    latin1.append('file', new Blob([new Uint8Array([0x70, 0x61, 0x72, 0x74, 0x79, 0x0a, 0xe9, 0xe8])], { type: 'text/csv' }), 'latin1.csv');
    const refused = await send(latin1);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('ไฟล์นี้ไม่ใช่ข้อความ UTF-8');
  });
});
