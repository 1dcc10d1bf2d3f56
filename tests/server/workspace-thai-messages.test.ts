/**
 * The workflow's refusals on Thai workspace pages over HTTP: a bulk submit with an item out
 * of the editor's scope, publishing one's own assessment, submitting one already submitted,
 * an unknown role, a bad line of a treaty status table, a tampered CSV import apply form, and
 * the audit log's action names and record types. Each answer carries the Thai words and none
 * of the English sentence; the JSON API's messages stay exactly as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { commitments, participations, parties } from '../../db/schema';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { CLI_ACTOR, createUser } from '../../src/lib/server/auth/users';
import type { Role } from '../../src/domain/vocabulary';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { apiToken, sessionCookie, STAFF_PASSWORD } from '../helpers/staff';

let server: TestServer;
let db: Database;
const cookies: Record<string, string> = {};
const users: Record<string, Acting> = {};
const ids = { thaDraft: 0, otherDraft: 0, mine: 0 };
let other = '';

async function staff(key: string, email: string, name: string, roles: Role[], scope: string[] = []): Promise<void> {
  const user = await createUser(db, { email, name, roles, parties: scope, password: STAFF_PASSWORD }, CLI_ACTOR);
  users[key] = { id: user.id, email: user.email, name: user.name, roles: user.roles, parties: user.parties };
  cookies[key] = await sessionCookie(db, { id: user.id, email: user.email, roles: [...user.roles], parties: [...user.parties] });
}

const evidence = [{ url: 'https://www.mfa.go.th/th/content/example', title: 'มติคณะรัฐมนตรี', publisher: 'สำนักเลขาธิการคณะรัฐมนตรี', date: '2026-01-10', grade: 'official' as const }];
const base = { status: 'substantial' as const, assessor: 'self_reported' as const, asOf: '2026-01-15', evidence, measures: [], narrative: 'A lead agency was named by cabinet resolution.' };

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  // Another state that endorsed the Bangkok Joint Statement, for a draft outside the Thai editor's scope.
  const [row] = await db
    .select({ slug: participations.partySlug })
    .from(participations)
    .innerJoin(parties, eq(parties.slug, participations.partySlug))
    .where(and(eq(participations.instrumentSlug, 'bangkok-joint-statement-2025'), eq(parties.kind, 'state')))
    .limit(20);
  const [commitment] = await db.select({ code: commitments.code }).from(commitments).where(eq(commitments.code, 'BJS-1'));
  expect(commitment).toBeTruthy();
  other = (await db.select({ slug: participations.partySlug }).from(participations).innerJoin(parties, eq(parties.slug, participations.partySlug)).where(and(eq(participations.instrumentSlug, 'bangkok-joint-statement-2025'), eq(parties.kind, 'state')))).map((p) => p.slug).find((slug) => slug !== 'tha') ?? row!.slug;
  await staff('editor', 'ploy@mfa.go.th', 'พลอย บรรณาธิการ', ['editor'], ['THA']);
  await staff('otherEditor', 'other@mfa.example', 'บรรณาธิการอื่น', ['editor'], [other.toUpperCase()]);
  await staff('both', 'somchai@mfa.go.th', 'สมชาย ทั้งสอง', ['editor', 'reviewer'], ['THA']);
  await staff('admin', 'ada@secretariat.example', 'อดา ผู้ดูแล', ['admin', 'reviewer']);
  ids.thaDraft = (await createAssessment(db, users.editor!, { ...base, party: 'tha', commitment: 'BJS-1' })).id;
  ids.otherDraft = (await createAssessment(db, users.otherEditor!, { ...base, party: other, commitment: 'BJS-1' })).id;
  ids.mine = (await createAssessment(db, users.both!, { ...base, party: 'tha', commitment: 'BJS-3' }, { submit: true })).id;
});
afterAll(() => stopServerWithDatabase(server, db));

/** Posts a form to a Thai workspace page as a same-origin browser would. */
function post(path: string, action: string, fields: [string, string][] | FormData, who: string) {
  const form = fields instanceof FormData;
  return server.get(`${path}?_action=${action}`, {
    method: 'POST',
    headers: { ...(form ? {} : { 'content-type': 'application/x-www-form-urlencoded' }), origin: server.origin, cookie: cookies[who]! },
    body: form ? fields : new URLSearchParams(fields).toString(),
  });
}

/** The page's visible text (no tags, no scripts). */
const visible = (html: string) => html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

/** English sentences of the services that must not reach a Thai page. */
const ENGLISH = [/not in your scope/i, /cannot review/i, /cannot be (edited|submitted|published|returned)/i, /Unknown role/i, /is not a date like/i, /upload (it|the file) again/i, /\bline \d+:/i, /does not exist/i, /only (editors|reviewers)/i];

function expectNoEnglish(html: string): void {
  const text = visible(html);
  for (const pattern of ENGLISH) expect(text, String(pattern)).not.toMatch(pattern);
}

describe('workflow refusals on Thai workspace pages', () => {
  it('a bulk submit reports the item outside the editor’s scope in Thai, and submits the rest', async () => {
    const response = await post('/th/workspace/parties/tha', 'assessments.submitMany', [['ids', String(ids.thaDraft)], ['ids', String(ids.otherDraft)]], 'editor');
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/<html lang="th"/);
    const refused = html.slice(html.indexOf(`data-outcome="refused" data-id="${ids.otherDraft}"`));
    expect(refused).toMatch(new RegExp(`ยังไม่ได้ส่ง: ภาคี ${other.toUpperCase()} ไม่อยู่ในขอบเขตงานของคุณ`));
    expect(html).toContain(`data-outcome="done" data-id="${ids.thaDraft}"`);
    expectNoEnglish(html);
  });

  it('submitting an assessment already submitted says so in Thai', async () => {
    const response = await post(`/th/workspace/assessments/${ids.thaDraft}`, 'assessments.submit', [['id', String(ids.thaDraft)], ['version', '2']], 'editor');
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(visible(html)).toContain('การประเมินที่อยู่ในสถานะ “ส่งตรวจแล้ว” ส่งตรวจไม่ได้');
    expectNoEnglish(html);
  });

  it('publishing one’s own assessment is refused in Thai, alone and in a bulk decision', async () => {
    const alone = await post('/th/workspace/review', 'review.decide', [['id', String(ids.mine)], ['decision', 'publish']], 'both');
    expect(alone.status).toBe(403);
    const html = await alone.text();
    expect(visible(html)).toContain('คุณเป็นผู้เขียนการประเมินนี้เอง จึงต้องให้ผู้ตรวจทานคนอื่นตรวจทาน');
    expectNoEnglish(html);
    const bulk = await post('/th/workspace/review', 'review.decideMany', [['ids', String(ids.mine)], ['decision', 'publish']], 'both');
    expect(bulk.status).toBe(200);
    const outcome = await bulk.text();
    expect(visible(outcome)).toContain(`การประเมินหมายเลข ${ids.mine}`);
    expect(visible(outcome)).toContain('คุณเป็นผู้เขียนการประเมินนี้เอง');
    expectNoEnglish(outcome);
  });

  it('an unknown role is refused in Thai', async () => {
    const response = await post('/th/workspace/users', 'users.create', [['name', 'ผู้ใช้ใหม่'], ['email', 'new@mfa.go.th'], ['roles', 'superuser'], ['parties', ''], ['password', 'copper violet harbour mist']], 'admin');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(visible(html)).toContain('ไม่มีบทบาท “superuser” ในระบบ โปรดเลือกจากรายการบทบาท');
    expectNoEnglish(html);
    // The account service's own refusals (an e-mail in use, an unknown party) as well.
    const taken = await post('/th/workspace/users', 'users.create', [['name', 'พลอยซ้ำ'], ['email', 'ploy@mfa.go.th'], ['roles', 'editor'], ['parties', 'THA'], ['password', 'copper violet harbour mist']], 'admin');
    expect(taken.status).toBe(400);
    const takenText = visible(await taken.text());
    expect(takenText).toContain('มีผู้ใช้ที่ใช้อีเมล ploy@mfa.go.th อยู่แล้ว');
    expect(takenText).not.toMatch(/already exists/);
    const party = await post('/th/workspace/users', 'users.create', [['name', 'ผู้ใช้ใหม่'], ['email', 'new3@mfa.go.th'], ['roles', 'editor'], ['parties', 'XXZ'], ['password', 'copper violet harbour mist']], 'admin');
    expect(party.status).toBe(400);
    const partyText = visible(await party.text());
    expect(partyText).toContain('ไม่มีภาคี “xxz” โปรดใช้รหัสภาคี');
    expect(partyText).not.toMatch(/unknown party|use a party code/);
  });

  it('personal API token refusals on the Thai account page are in Thai', async () => {
    const days = await post('/th/workspace/account', 'tokens.create', [['name', 'สคริปต์รายงาน'], ['expiresInDays', '400']], 'editor');
    expect(days.status).toBe(400);
    const daysHtml = await days.text();
    expect(visible(daysHtml)).toContain('เลือกจำนวนวันตั้งแต่ 1 ถึง 365 วัน');
    expect(visible(daysHtml)).not.toMatch(/Choose from 1 to/);
    const unnamed = await post('/th/workspace/account', 'tokens.create', [['name', '   '], ['expiresInDays', '30']], 'editor');
    expect(unnamed.status).toBe(400);
    const unnamedHtml = await unnamed.text();
    expect(visible(unnamedHtml)).toContain('ตั้งชื่อโทเค็นความยาว 1 ถึง 100 ตัวอักษร');
    expect(visible(unnamedHtml)).not.toMatch(/Give the token a name/);
    const revoke = await post('/th/workspace/account', 'tokens.revoke', [['id', 'no-such-token']], 'editor');
    expect(revoke.status).toBe(404);
    const revokeHtml = await revoke.text();
    expect(visible(revokeHtml)).toContain('ไม่พบโทเค็นนี้ในรายการโทเค็นของคุณ');
    expect(visible(revokeHtml)).not.toMatch(/no such token/i);
  });

  it('the account page’s password form refusals are in Thai on /th (the same path as every other form), and in Indonesian on /id', async () => {
    const refusals: [fields: [string, string][], field: string, thai: string, english: RegExp][] = [
      [[['current', ''], ['password', 'tamarind-lantern-harbour'], ['confirm', 'tamarind-lantern-harbour']], 'current', 'กรอกรหัสผ่านปัจจุบัน', /Enter your current password/i],
      [[['current', STAFF_PASSWORD], ['password', 'short'], ['confirm', 'short']], 'password', 'รหัสผ่านสั้นเกินไป โปรดใช้อย่างน้อย', /too short/i],
      [[['current', STAFF_PASSWORD], ['password', 'password123456'], ['confirm', 'password123456']], 'password', 'รหัสผ่านนี้เป็นหนึ่งในรหัสผ่านที่ใช้กันมากที่สุด', /commonly used/i],
      [[['current', 'not-the-password-at-all'], ['password', 'tamarind-lantern-harbour'], ['confirm', 'tamarind-lantern-harbour']], 'current', 'รหัสผ่านปัจจุบันไม่ถูกต้อง', /is not right/i],
    ];
    for (const [fields, field, thai, english] of refusals) {
      const response = await post('/th/workspace/account', 'account.changePassword', fields, 'editor');
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain('ยังไม่ได้เปลี่ยนรหัสผ่าน');
      expect(html).toMatch(new RegExp(`id="pw-${field}-error"[^>]*>${thai}`));
      expect(visible(html), String(english)).not.toMatch(english);
    }
    const indonesian = await server.get('/id/workspace/account?_action=account.changePassword', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: cookies.editor! },
      body: new URLSearchParams({ current: STAFF_PASSWORD, password: 'short', confirm: 'short' }).toString(),
    });
    expect(indonesian.status).toBe(400);
    expect(await indonesian.text()).toMatch(/id="pw-password-error"[^>]*>Kata sandi terlalu pendek: gunakan paling sedikit \d+ karakter/);
  });

  it('a bad line of a treaty status table is told in Thai, in the preview and when preparing it', async () => {
    const table = 'Singapore    32 Foo 2026\nQatar    3 Jan 2026 a\n';
    const preview = await post('/th/workspace/treaty-import', 'treatyImport.preview', [['instrument', 'un-convention-against-cybercrime'], ['table', table]], 'editor');
    const previewHtml = await preview.text();
    expect(preview.status).toBe(400);
    const errors = previewHtml.slice(previewHtml.indexOf('data-testid="table-errors"'));
    expect(errors).toContain('Singapore: “32 Foo 2026” ไม่ใช่วันที่ในรูปแบบ 25 Oct 2025');
    expectNoEnglish(previewHtml);
    const prepare = await post('/th/workspace/treaty-import', 'treatyImport.prepare', [['instrument', 'un-convention-against-cybercrime'], ['content', table], ['fileName', 'pasted table']], 'editor');
    expect(prepare.status).toBe(400);
    const prepareHtml = await prepare.text();
    expect(visible(prepareHtml)).toContain('บรรทัดที่ 1: Singapore: “32 Foo 2026” ไม่ใช่วันที่ในรูปแบบ');
    expectNoEnglish(prepareHtml);
  });

  it('a tampered CSV import apply form is refused in Thai', async () => {
    const damaged = await post('/th/workspace/import', 'import.apply', [['content', 'not base64!'], ['digest', 'f'.repeat(64)], ['fileName', 'a.csv']], 'editor');
    expect(damaged.status).toBe(400);
    const html = await damaged.text();
    expect(html).toContain('data-testid="apply-error"');
    expect(visible(html)).toContain('ไฟล์ที่จะนำเข้าเสียหาย โปรดอัปโหลดไฟล์อีกครั้ง');
    expectNoEnglish(html);
    const noDigest = await post('/th/workspace/import', 'import.apply', [['content', 'YQ=='], ['digest', 'xyz'], ['fileName', 'a.csv'], ['progressId', '../../etc']], 'editor');
    expect(noDigest.status).toBe(400);
    const text = visible(await noDigest.text());
    expect(text).toContain('ข้อมูลอ้างอิงของการตรวจสอบล่วงหน้าเสียหาย');
    expect(text).toContain('ข้อมูลอ้างอิงความคืบหน้าเสียหาย');
    expectNoEnglish(text);
    const missing = await post('/th/workspace/import', 'import.apply', [['fileName', 'a.csv']], 'editor');
    expect(missing.status).toBe(400);
    expectNoEnglish(await missing.text());
  });

  it('English pages and the JSON API keep their English messages exactly', async () => {
    const english = await post('/workspace/review', 'review.decide', [['id', String(ids.mine)], ['decision', 'publish']], 'both');
    expect(english.status).toBe(403);
    expect(visible(await english.text())).toContain('You cannot review an assessment you wrote.');
    const token = await apiToken(db, { id: users.both!.id, email: users.both!.email, roles: [...users.both!.roles], parties: [...users.both!.parties] });
    const api = await server.get(`/api/v1/assessments/${ids.mine}/review`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'publish' }) });
    expect(api.status).toBe(403);
    expect(((await api.json()) as { error: { message: string } }).error.message).toBe('you cannot review an assessment you wrote');
    const editorToken = await apiToken(db, { id: users.editor!.id, email: users.editor!.email, roles: [...users.editor!.roles], parties: [...users.editor!.parties] });
    const scope = await server.get(`/api/v1/assessments/${ids.otherDraft}/submit`, { method: 'POST', headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' }, body: '{}' });
    expect(scope.status).toBe(403);
    expect(((await scope.json()) as { error: { message: string } }).error.message).toBe(`party ${other.toUpperCase()} is not in your scope`);
    const users2 = await post('/workspace/users', 'users.create', [['name', 'New'], ['email', 'new2@mfa.go.th'], ['roles', 'superuser'], ['parties', ''], ['password', 'copper violet harbour mist']], 'admin');
    expect(visible(await users2.text())).toContain('Unknown role "superuser".');
  });

  it('the audit log names actions and record types in Thai, the codes kept beside them', async () => {
    const response = await server.get('/th/workspace/audit', { headers: { cookie: cookies.admin! } });
    expect(response.status).toBe(200);
    const html = await response.text();
    const actionCells = [...html.matchAll(/<td (?:data-field="action"|class="code")>([\s\S]*?)<\/td>/g)].map((m) => m[1]!);
    expect(actionCells.length).toBeGreaterThan(0);
    // Each cell begins with the Thai name; the code follows as a note.
    for (const cell of actionCells) expect(visible(cell).trim(), cell).toMatch(/^[\u0E00-\u0E7F]/);
    expect(html).toContain('ส่งการประเมินตรวจทาน<br><span class="note code">assessment.submit</span>');
    expect(html).toContain('สร้างบัญชีผู้ใช้');
    const entityCells = [...html.matchAll(/<td data-field="entity"[^>]*>([\s\S]*?)<\/td>/g)].map((m) => visible(m[1]!));
    expect(entityCells.some((cell) => cell.includes('การประเมิน'))).toBe(true);
    expect(entityCells.some((cell) => cell.includes('บัญชีผู้ใช้'))).toBe(true);
    expect(entityCells.join(' ')).not.toMatch(/\b(assessment|user|request|treaty_import)\b/);
    expect(html).toMatch(/<option value="assessment"[^>]*>การประเมิน<\/option>/);
    const english = await (await server.get('/workspace/audit', { headers: { cookie: cookies.admin! } })).text();
    expect(english).toContain('<td class="code">assessment.submit</td>');
  });
});
