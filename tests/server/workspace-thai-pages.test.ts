/**
 * The workspace's own pages in Thai over HTTP: the dashboard, the review queue (with a diff,
 * bulk decisions and a two-person refusal), the audit log, users, my account (with the
 * digest choice), the outbox, the treaty status import and sign-in. Under `/th/workspace/…` each has
 * lang="th", a Thai <title> and Thai headings, keeps its links in /th/workspace, and has no
 * English label left: what remains in Latin letters is data (names, e-mails, codes, web
 * addresses), text marked lang="en", or a name such as CSV, API or UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import { prepareTreatyImport } from '../../src/lib/server/treaty-import';
import type { Role } from '../../src/domain/vocabulary';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { sessionCookie, STAFF_PASSWORD } from '../helpers/staff';

let server: TestServer;
let db: Database;
const cookies: Record<'editor' | 'both' | 'reviewer' | 'admin' | 'firstAdmin', string> = { editor: '', both: '', reviewer: '', admin: '', firstAdmin: '' };
const ids = { mine: 0, theirs: 0 };

/** Thai names, so that what is left in Latin letters on a page is the interface's, not the people's. */
async function staff(email: string, name: string, roles: Role[], parties: string[] = []): Promise<Acting> {
  const user = await createUser(db, { email, name, roles, parties, password: STAFF_PASSWORD }, CLI_ACTOR);
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, parties: user.parties };
}

const evidence = [{ url: 'https://www.mfa.go.th/th/content/example', title: 'มติคณะรัฐมนตรี', publisher: 'สำนักเลขาธิการคณะรัฐมนตรี', date: '2026-01-10', grade: 'official' as const }];

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const editor = await staff('ploy@mfa.go.th', 'พลอย บรรณาธิการ', ['editor'], ['THA']);
  const both = await staff('somchai@mfa.go.th', 'สมชาย ทั้งสอง', ['editor', 'reviewer'], ['THA']);
  const reviewer = await staff('niran@secretariat.example', 'นิรันดร์ ผู้ตรวจ', ['reviewer']);
  const admin = await staff('ada@secretariat.example', 'อดา ผู้ดูแล', ['admin', 'reviewer']);
  const firstAdmin = await staff('first@secretariat.example', 'ผู้ดูแลคนแรก', ['admin']);
  for (const [key, user] of Object.entries({ editor, both, reviewer, admin, firstAdmin })) cookies[key as keyof typeof cookies] = await sessionCookie(db, { ...user, roles: [...user.roles], parties: [...user.parties] });

  // Two submitted assessments: one written by the editor-reviewer (who may not review it), one by the editor.
  const base = { party: 'tha', status: 'substantial' as const, assessor: 'self_reported' as const, asOf: '2026-01-15', evidence, measures: [] };
  ids.mine = (await createAssessment(db, both, { ...base, commitment: 'BJS-1', narrative: 'A lead agency was named by cabinet resolution.', narrativeTh: 'คณะรัฐมนตรีมีมติแต่งตั้งหน่วยงานหลัก' }, { submit: true })).id;
  ids.theirs = (await createAssessment(db, editor, { ...base, commitment: 'BJS-3', narrative: 'Shelters for rescued workers run in every border province.' }, { submit: true })).id;
  // A draft and a treaty import waiting for review, prepared by the editor.
  await createAssessment(db, editor, { ...base, commitment: 'BJS-2', narrative: 'A draft not yet submitted for review.' });
  await prepareTreatyImport(db, editor, { instrumentSlug: 'un-convention-against-cybercrime', content: 'Singapore    3 Jan 2026 a\n' });
});
afterAll(() => stopServerWithDatabase(server, db));

const get = (path: string, cookie: string) => server.get(path, { headers: { cookie } });

/** Names and abbreviations that stay in Latin letters in Thai text. */
const ALLOWED = new Set(['Treaty', 'Collection', 'cli', 'anonymous']);

/** The words in Latin letters a person reads on the page (text and labelling attributes), less data and text marked English. */
function englishLeft(html: string): string[] {
  let body = html
    .replace(/<(script|style|code|pre|datalist)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(\w+)\b[^>]*\blang="en"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(td|span) class="[^"]*\bcode\b[^"]*"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<option value="[^"]+"[^>]*>[^<]*<\/option>/g, ' ');
  const labelling = [...body.matchAll(/\b(?:aria-label|placeholder|alt)="([^"]*)"/g)].map((m) => m[1]);
  body = `${body.replace(/<[^>]+>/g, ' ')} ${labelling.join(' ')}`
    .replace(/&[#\w]+;/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.+-]+@[\w.-]+/g, ' ')
    .replace(/\b[A-Z]{2,}-\d+\b/g, ' ')
    // Codes and abbreviations: THA, EU, CSV, API, UTC, YYYY-MM-DD.
    .replace(/\b[A-Z]{2,4}\b/g, ' ');
  return [...body.matchAll(/[A-Za-z][A-Za-z'’-]+/g)].map((m) => m[0]).filter((word) => !ALLOWED.has(word));
}

/** Checks what every Thai workspace page must be, and returns its HTML. */
async function expectThaiPage(path: string, cookie: string, status = 200): Promise<string> {
  const response = await get(path, cookie);
  expect(response.status, path).toBe(status);
  const html = await response.text();
  expect(/<html lang="([^"]+)"/.exec(html)?.[1], path).toBe('th');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  expect(title, path).toMatch(/[\u0E00-\u0E7F]/);
  expect(englishLeft(`<p>${title}</p>`), `${path} <title>`).toEqual([]);
  const headings = [...html.matchAll(/<h([1-3])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => m[2]!.replace(/<[^>]+>/g, '').trim());
  expect(headings.length, path).toBeGreaterThan(0);
  for (const heading of headings) expect(heading, `${path}: a heading`).toMatch(/[\u0E00-\u0E7F]/);
  expect(englishLeft(html), path).toEqual([]);
  // Links and forms stay in the Thai workspace (the language switch alone leads to English).
  const english = [...html.replace(/<a class="lang-switch"[^>]*>/, '').matchAll(/(?:href|action)="\/workspace[^"]*"/g)].map((m) => m[0]);
  expect(english, path).toEqual([]);
  return html;
}

describe('the workspace pages in Thai', () => {
  it('the dashboard: my parties, drafts, waiting, overdue, dates in Thai, links in /th/workspace', async () => {
    const html = await expectThaiPage('/th/workspace', cookies.editor);
    expect(html).toMatch(/<h2 id="my-parties">ภาคีของฉัน<\/h2>/);
    expect(html).toContain('ส่งตรวจแล้ว รอผู้ตรวจทาน');
    expect(html).toMatch(/href="\/th\/workspace\/parties\/tha"/);
    expect(html).toMatch(/href="\/th\/workspace\/assessments\/\d+"/);
    // Dates in the Thai calendar: the draft's "as of" 15 January 2026 is 2569 in the Buddhist era.
    expect(html).toContain('ณ วันที่ 15 ม.ค. 2569');
    expect(html).toMatch(/วันนี้คือ \d{1,2} \S+ 25\d\d \(ตามเวลา UTC\)/);
    await expectThaiPage('/th/workspace', cookies.reviewer);
    const first = await expectThaiPage('/th/workspace', cookies.firstAdmin);
    expect(first).toContain('เริ่มต้น: ให้บทบาทและภาคี');
    expect(first).toMatch(/<a href="\/th\/workspace\/users">ไปที่หน้า “ผู้ใช้”<\/a>/);
  });

  it('the review queue: the diff, bulk decisions and the two-person refusal in Thai', async () => {
    const html = await expectThaiPage('/th/workspace/review', cookies.both);
    expect(html).toMatch(/<h1>คิวตรวจทาน <span class="muted">\(2\)<\/span><\/h1>/);
    expect(html).toContain('ตัดสินหลายรายการพร้อมกัน');
    expect(html).toContain('เผยแพร่การประเมินที่เลือก');
    expect(html).toContain('คำอธิบายภาษาไทย');
    expect(html).toContain('ไม่มี: หน้าภาษาไทยจะแสดงคำอธิบายภาษาอังกฤษแทน');
    expect(html).toContain('เอกสารหรือถ้อยแถลงทางการ');
    const mine = html.slice(html.indexOf(`data-review-item="${ids.mine}"`));
    expect(mine).toMatch(/data-testid="two-person">คุณตรวจทานรายการนี้ไม่ได้ เพราะคุณเป็นผู้เขียนการประเมินนี้เอง/);
    expect(html).toMatch(new RegExp(`href="/th/workspace/assessments/${ids.theirs}">การประเมินหมายเลข ${ids.theirs}</a>`));
  });

  it('the review queue answers in Thai after a decision, and returns to the Thai queue', async () => {
    const post = (fields: [string, string][], action: string) =>
      server.get(`/th/workspace/review?_action=${action}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies.reviewer }, body: new URLSearchParams(fields).toString() });
    const noComment = await post([['id', String(ids.theirs)], ['decision', 'return']], 'review.decide');
    expect(noComment.status).toBe(400);
    const refused = await noComment.text();
    expect(refused).toContain('ไม่มีการเปลี่ยนแปลงใด ๆ');
    expect(refused).toContain('โปรดระบุสิ่งที่ต้องแก้ไขก่อนจึงจะเผยแพร่ได้');
    const bulk = await post([['ids', String(ids.theirs)], ['ids', String(ids.mine)], ['decision', 'return'], ['comment', 'โปรดเพิ่มเลขที่มติ']], 'review.decideMany');
    expect(bulk.status).toBe(200);
    const outcome = await bulk.text();
    expect(outcome).toContain('ส่งกลับแล้ว 2 จาก 2 รายการ');
    expect(englishLeft(outcome)).toEqual([]);
    const done = await expectThaiPage('/th/workspace/review', cookies.reviewer);
    expect(done).toContain('ไม่มีรายการรอตรวจทาน');
  });

  it('the audit log: Thai filters, headers and times', async () => {
    const html = await expectThaiPage('/th/workspace/audit', cookies.admin);
    expect(html).toContain('<h1>บันทึกการตรวจสอบ</h1>');
    expect(html).toMatch(/<th scope="col">เวลา \(UTC\)<\/th>/);
    expect(html).toMatch(/<time datetime="\d{4}-[^"]+">\d{1,2} \S+ 25\d\d \d\d:\d\d<\/time>/);
    const bad = await expectThaiPage('/th/workspace/audit?from=yesterday', cookies.admin, 400);
    expect(bad).toContain('“ตั้งแต่วันที่ (UTC)” ต้องเป็นวันที่แบบ YYYY-MM-DD');
  });

  it('users: every label, role and button in Thai', async () => {
    const html = await expectThaiPage('/th/workspace/users', cookies.admin);
    expect(html).toMatch(/<h2 id="new-user"[^>]*>สร้างบัญชีใหม่<\/h2>/);
    expect(html).toMatch(/<input type="checkbox" name="roles" value="analyst"[^>]*> นักวิเคราะห์<\/label>/);
    expect(html).toMatch(/data-field="roles"[^>]*>บรรณาธิการ, ผู้ตรวจทาน</);
    // A refused account: the summary and the field's message in Thai.
    const refused = await server.get('/th/workspace/users?_action=users.create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies.admin },
      body: new URLSearchParams({ name: 'มานี', email: 'manee@mfa.go.th', parties: '', password: 'short' }).toString(),
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('ยังไม่ได้สร้างบัญชี');
    expect(refusedHtml).toMatch(/id="nu-roles-error"[^>]*>เลือกบทบาทอย่างน้อยหนึ่งบทบาท</);
    expect(englishLeft(refusedHtml)).toEqual([]);
  });

  it('my account: the digest choice, password and tokens in Thai; a saved choice returns to the Thai page', async () => {
    const html = await expectThaiPage('/th/workspace/account', cookies.editor);
    expect(html).toMatch(/<h2 id="digest"[^>]*>สรุปงานทางอีเมล<\/h2>/);
    expect(html).toContain('พันธกรณีของภาคีของคุณที่เกินกำหนดหรือจะถึงกำหนดภายใน 30 วัน');
    // With no choice stored, the Thai page offers Thai messages.
    expect(html).toMatch(/<input type="radio" name="locale" value="th" checked/);
    const saved = await server.get('/th/workspace/account?_action=account.setDigest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies.editor },
      body: new URLSearchParams({ frequency: 'weekly', locale: 'th' }).toString(),
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/th/workspace/account?done=digest#digest');
    const after = await expectThaiPage('/th/workspace/account?done=digest', cookies.editor);
    expect(after).toContain('บันทึกการตั้งค่าสรุปงานแล้ว');
    const mismatch = await server.get('/th/workspace/account?_action=account.changePassword', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies.editor },
      body: new URLSearchParams({ current: STAFF_PASSWORD, password: 'tamarind-lantern-harbour', confirm: 'tamarind-lantern-harbor' }).toString(),
    });
    expect(mismatch.status).toBe(400);
    const mismatchHtml = await mismatch.text();
    expect(mismatchHtml).toContain('ยังไม่ได้เปลี่ยนรหัสผ่าน');
    expect(mismatchHtml).toMatch(/id="pw-confirm-error"[^>]*>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน</);
  });

  it('the outbox, and a message that is not there (404), in Thai', async () => {
    const html = await expectThaiPage('/th/workspace/mail', cookies.admin);
    expect(html).toMatch(/<h1[^>]*>กล่องจดหมายออก<\/h1>/);
    expect(html).toContain('กล่องจดหมายออกว่าง');
    const missing = await expectThaiPage('/th/workspace/mail?id=missing.eml', cookies.admin, 404);
    expect(missing).toMatch(/<h1[^>]*>ไม่พบข้อความนี้<\/h1>/);
  });

  it('the treaty status import: the waiting import, its differences and the refusal in Thai', async () => {
    const editorView = await expectThaiPage('/th/workspace/treaty-import', cookies.editor);
    expect(editorView).toMatch(/รอตรวจทาน <span class="muted"[^>]*>\(1\)<\/span>/);
    expect(editorView).toContain('เฉพาะผู้ตรวจทานเท่านั้นที่อนุมัติหรือปฏิเสธการนำเข้าสนธิสัญญาได้');
    expect(editorView).toContain('ภาคยานุวัติ');
    const reviewerView = await expectThaiPage('/th/workspace/treaty-import', cookies.reviewer);
    expect(reviewerView).toMatch(/อนุมัติและบันทึก 1 รายการ<\/button>/);
  });

  it('sign-in: a Thai workspace page sends the signed-out to the Thai sign-in page, which answers in Thai and returns to the Thai workspace', async () => {
    const signedOut = await server.get('/th/workspace/review');
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/th/login?next=/th/workspace/review');
    expect((await server.get('/workspace/review')).headers.get('location')).toBe('/login?next=/workspace/review');
    const page = await server.get('/th/login');
    const html = await page.text();
    expect(/<html lang="([^"]+)"/.exec(html)?.[1]).toBe('th');
    expect(html).toMatch(/<h1[^>]*>ลงชื่อเข้าใช้<\/h1>/);
    expect(englishLeft(html)).toEqual([]);
    const login = (fields: Record<string, string>) =>
      server.get('/th/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }, body: new URLSearchParams(fields).toString() });
    const wrong = await login({ email: 'ploy@mfa.go.th', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    const right = await login({ email: 'ploy@mfa.go.th', password: STAFF_PASSWORD });
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/th/workspace');
  });

  it('the same pages stay English at /workspace, and are Indonesian at /id/workspace', async () => {
    expect(await (await get('/workspace/review', cookies.reviewer)).text()).toMatch(/<html lang="en"[\s\S]*<h1>Review queue/);
    expect(await (await get('/workspace/account', cookies.editor)).text()).toMatch(/<h2 id="digest"[^>]*>E-mail digest<\/h2>/);
    expect(await (await get('/workspace/users', cookies.admin)).text()).toMatch(/<h2 id="new-user"[^>]*>Create an account<\/h2>/);
    // Indonesian carries every key too.
    const indonesian = await (await get('/id/workspace/account', cookies.editor)).text();
    expect(/<html lang="([^"]+)"/.exec(indonesian)?.[1]).toBe('id');
    expect(indonesian).toMatch(/<h2 id="digest"[^>]*>Ringkasan lewat e-mail<\/h2>/);
  });
});
