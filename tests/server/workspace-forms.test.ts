/**
 * The staff workspace over HTTP, as a browser with JavaScript off uses it: plain form posts
 * to Astro actions (`?_action=<area>.<name>`), against the built server and its own
 * database. Users are made with the account service on the server's database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInOverHttp, signInStaff, STAFF_PASSWORD } from '../helpers/staff';

const PASSWORD = STAFF_PASSWORD;
let server: TestServer;
let db: Database;
const cookies: Record<string, string> = {};

const USERS = {
  editor: { roles: ['editor'], parties: ['THA'] },
  analyst: { roles: ['analyst'], parties: [] },
  author: { roles: ['editor', 'reviewer'], parties: ['THA'] },
  reviewer: { roles: ['reviewer'], parties: [] },
  viewer: { roles: ['viewer'], parties: [] },
  admin: { roles: ['admin'], parties: [] },
} as const;
type Who = keyof typeof USERS;
const email = (who: Who) => `${who}@ws.test`;

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase());
  const byEmail = await signInStaff(server, db, (Object.keys(USERS) as Who[]).map((who) => ({ email: email(who), ...USERS[who] })));
  for (const who of Object.keys(USERS) as Who[]) cookies[who] = byEmail[email(who)]!;
});
afterAll(() => stopServerWithDatabase(server, db));

const signIn = (address: string, password = PASSWORD) => signInOverHttp(server, address, password);

type Fields = [string, string][] | Record<string, string>;

/** Posts a form to `path?_action=action` as a same-origin browser would. */
function post(path: string, action: string, fields: Fields, who: Who | null) {
  const body = new URLSearchParams(Array.isArray(fields) ? fields : Object.entries(fields));
  return server.get(`${path}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, ...(who ? { cookie: cookies[who]! } : {}) },
    body: body.toString(),
  });
}

const page = (path: string, who: Who) => server.get(path, { headers: { cookie: cookies[who]! } });

/** A full assessment form: fields plus evidence rows (blank rows included, as the page sends them). */
function assessmentForm(overrides: Record<string, string> = {}, evidence: string[][] = [['https://www.mfa.go.th/en/content/a', 'Cabinet resolution on scam centres', 'Royal Thai Government', '2026-01-10', 'official']]): [string, string][] {
  const base = { party: 'tha', commitment: 'BJS-1', status: 'limited', assessor: 'self_reported', asOf: '2026-01-15', narrative: 'The cabinet adopted a national plan against scam centres.', narrativeTh: '', ...overrides };
  const rows = [...evidence];
  while (rows.length < 3) rows.push(['', '', '', '', '']);
  const fields: [string, string][] = Object.entries(base);
  for (const [url, title, publisher, date, grade] of rows) {
    fields.push(['evidenceUrl', url!], ['evidenceTitle', title!], ['evidencePublisher', publisher!], ['evidenceDate', date!], ['evidenceGrade', grade!]);
  }
  return fields;
}

const countAssessments = async () => (await db.$client.execute('SELECT count(*) AS n FROM assessments')).rows[0]!.n as number;
const lastAudit = async () => (await db.$client.execute('SELECT action, actor_label, entity_id, before, after FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0]!;
const assessment = async (id: number) => (await db.$client.execute({ sql: 'SELECT * FROM assessments WHERE id = ?', args: [id] })).rows[0]!;
const evidenceOf = async (id: number) => (await db.$client.execute({ sql: 'SELECT url, title FROM evidence WHERE assessment_id = ? ORDER BY position', args: [id] })).rows;

/** Creates a draft as `who` through the party page's form; returns its id. */
async function createDraft(who: Who, overrides: Record<string, string> = {}, intent = 'draft'): Promise<number> {
  const response = await post('/workspace/parties/tha', 'assessments.create', [...assessmentForm(overrides), ['intent', intent]], who);
  expect(response.status, await response.clone().text()).toBe(303);
  const match = /^\/workspace\/assessments\/(\d+)\?done=/.exec(response.headers.get('location') ?? '');
  expect(match).not.toBeNull();
  return Number(match![1]);
}

describe('signed out', () => {
  it('workspace pages redirect to sign-in; a form post writes nothing', async () => {
    for (const path of ['/workspace', '/workspace/parties/tha', '/workspace/review', '/workspace/audit', '/workspace/users', '/workspace/account']) {
      const response = await server.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get('location')).toBe(`/login?next=${path}`);
    }
    const before = await countAssessments();
    const response = await post('/workspace/parties/tha', 'assessments.create', assessmentForm(), null);
    expect([302, 401]).toContain(response.status);
    if (response.status === 302) expect(response.headers.get('location')).toMatch(/^\/login/);
    expect(await countAssessments()).toBe(before);
    // The refused write is audited, once, though both the action and the page's guard refuse it.
    const refused = await db.$client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'auth.refused' AND actor_label = 'anonymous' AND entity_id LIKE 'POST /workspace/parties/tha%'");
    expect(Number(refused.rows[0]!.n)).toBe(1);
  });

  it('the RPC endpoint of an action refuses too (401)', async () => {
    const response = await server.get('/_actions/assessments.create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
      body: new URLSearchParams(assessmentForm()).toString(),
    });
    expect(response.status).toBe(401);
  });
});

describe('a form sent after the session ran out', () => {
  it('is offered back only on the page signing in again leads to (a GET of the address it was posted to)', async () => {
    const template = 'id="unsent-form-notice"';
    // Where the sign-in page sends the person back: the posted address, now as a GET.
    expect(await (await page('/workspace/parties/tha?_action=assessments.create', 'editor')).text()).toContain(template);
    expect(await (await page('/workspace/parties/tha', 'editor')).text()).not.toContain(template);
    // A refused form is the POST's own answer, with the text kept by the server: nothing to restore.
    const refused = await post('/workspace/parties/tha', 'assessments.create', assessmentForm({ narrative: 'short' }), 'editor');
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain(template);
    // Signed out, that address sends to the sign-in page, which has no script (tests/server/auth-login.test.ts).
    const signedOut = await server.get('/workspace/parties/tha?_action=assessments.create', { redirect: 'manual' });
    expect(signedOut.status).toBe(302);
  });
});

describe('an editor in scope', () => {
  let id: number;

  it('creates a draft with evidence through the plain form; blank evidence rows are ignored; the audit row is written with it', async () => {
    const before = await countAssessments();
    id = await createDraft('editor', { narrative: 'Plan adopted <script>alert("x")</script> & published.' }, 'draft');
    expect(await countAssessments()).toBe(before + 1);
    const row = await assessment(id);
    expect(row.state).toBe('draft');
    expect(row.version).toBe(1);
    expect(row.party_slug).toBe('tha');
    expect(await evidenceOf(id)).toHaveLength(1);
    const audit = await lastAudit();
    expect(audit.action).toBe('assessment.create');
    expect(audit.entity_id).toBe(String(id));
    expect(audit.actor_label).toBe(email('editor'));
  });

  it('shows the draft with its text escaped, on its page and on the dashboard', async () => {
    const html = await (await page(`/workspace/assessments/${id}?done=created`, 'editor')).text();
    expect(html).toContain('Plan adopted &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; published.');
    expect(html).not.toContain('<script>alert("x")</script>');
    expect(html).toContain('The draft was saved');
    const dashboard = await (await page('/workspace', 'editor')).text();
    expect(dashboard).toMatch(new RegExp(`data-testid="drafts"[\\s\\S]*data-assessment="${id}"`));
  });

  it('refuses bad input with 400, the message beside the field, and keeps what was typed', async () => {
    const before = await countAssessments();
    const typed = 'A narrative the editor spent an hour on, which must survive an error.';
    const response = await post('/workspace/parties/tha', 'assessments.create', assessmentForm({ narrative: typed }, [
      ['https://example.org/ok', 'A good source', 'Publisher', '', 'law'],
      ['javascript:alert(1)', 'A bad source', 'Publisher', '', 'media'],
    ]), 'editor');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/id="new-evidence-1-url"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/<p class="field-error" id="new-evidence-1-url-error">The web address must start with http:\/\/ or https:\/\//);
    expect(html).toContain(typed);
    expect(html).toContain('value="javascript:alert(1)"');
    expect(await countAssessments()).toBe(before);
  });

  it('refuses a status outside the vocabulary and an assessment with no evidence', async () => {
    const before = await countAssessments();
    const badStatus = await post('/workspace/parties/tha', 'assessments.create', assessmentForm({ status: 'done-ish' }), 'editor');
    expect(badStatus.status).toBe(400);
    const badStatusHtml = await badStatus.text();
    expect(badStatusHtml).toMatch(/id="new-status-error">Choose a status\.</);
    // Words, never the schema's codes or paths.
    expect(badStatusHtml).not.toMatch(/invalid_enum_value|invalid_value|must be one of|no_evidence, not_started/);
    // The summary comes first, before the commitments and the form, takes the focus, and links to the field.
    const summaryAt = badStatusHtml.indexOf('data-error-summary');
    expect(summaryAt).toBeGreaterThan(0);
    expect(summaryAt).toBeLessThan(badStatusHtml.indexOf('id="commitments"'));
    expect(summaryAt).toBeLessThan(badStatusHtml.indexOf('data-form="new"'));
    expect(badStatusHtml).toMatch(/<div class="form-error" role="alert" id="new-error" tabindex="-1" autofocus[^>]*>/);
    expect(badStatusHtml).toMatch(/<li><a href="#new-status">Status<\/a>: Choose a status\.<\/li>/);
    expect(badStatusHtml).toMatch(/id="new-status"[^>]*aria-describedby="new-status-error"/);
    const noEvidence = await post('/workspace/parties/tha', 'assessments.create', assessmentForm({}, []), 'editor');
    expect(noEvidence.status).toBe(400);
    expect(await noEvidence.text()).toMatch(/id="new-evidence-error">Add at least one piece of evidence/);
    expect(await countAssessments()).toBe(before);
  });

  it('edits with the version read; a stale version gets 409, keeps the typed text, shows the current version, overwrites nothing', async () => {
    const first = await post(`/workspace/assessments/${id}`, 'assessments.update', [...assessmentForm({ narrative: 'First edit: the plan now has a budget.' }), ['id', String(id)], ['version', '1'], ['intent', 'save']], 'editor');
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`/workspace/assessments/${id}?done=saved`);
    expect((await assessment(id)).version).toBe(2);

    const mine = 'Second edit from a stale tab: must not overwrite the first, and must not be lost.';
    const stale = await post(`/workspace/assessments/${id}`, 'assessments.update', [...assessmentForm({ narrative: mine }), ['id', String(id)], ['version', '1'], ['intent', 'save']], 'editor');
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Someone else changed this assessment');
    expect(html).toMatch(/data-field="edited-version">1</);
    expect(html).toMatch(/data-field="current-version">2</);
    expect(html).toContain(mine);
    // The form now carries the current version, so saving again is a conscious overwrite.
    expect(html).toMatch(/name="version" value="2"/);
    const row = await assessment(id);
    expect(row.narrative_en).toBe('First edit: the plan now has a budget.');
    expect(row.version).toBe(2);
  });

  it('submits for review', async () => {
    const response = await post(`/workspace/assessments/${id}`, 'assessments.submit', { id: String(id), version: '2' }, 'editor');
    expect(response.status).toBe(303);
    expect((await assessment(id)).state).toBe('submitted');
    expect((await lastAudit()).action).toBe('assessment.submit');
    // A submitted assessment can no longer be edited.
    const edit = await post(`/workspace/assessments/${id}`, 'assessments.update', [...assessmentForm(), ['id', String(id)], ['version', '3']], 'editor');
    expect(edit.status).toBe(409);
  });
});

describe('refusals', () => {
  it('an editor scoped to THA who writes for NPL gets 403, nothing is written, the refusal is audited', async () => {
    const before = await countAssessments();
    const response = await post('/workspace/parties/npl', 'assessments.create', assessmentForm({ party: 'npl', commitment: 'BJS-1' }), 'editor');
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Party NPL is not in your scope.');
    expect(await countAssessments()).toBe(before);
    const audit = await lastAudit();
    expect(audit.action).toBe('auth.refused');
    expect(audit.actor_label).toBe(email('editor'));
    // The page itself is read-only for them: no form.
    const html = await (await page('/workspace/parties/npl', 'editor')).text();
    expect(html).toContain('Read only');
    expect(html).not.toContain('_action=assessments.create');
  });

  it('a viewer cannot write (403), and sees no forms', async () => {
    const before = await countAssessments();
    const response = await post('/workspace/parties/tha', 'assessments.create', assessmentForm(), 'viewer');
    expect(response.status).toBe(403);
    expect(await countAssessments()).toBe(before);
    const html = await (await page('/workspace/parties/tha', 'viewer')).text();
    expect(html).not.toContain('_action=');
  });

  it('a reviewer cannot publish what they wrote (403): the button is disabled with the reason, the server refuses anyway', async () => {
    const own = await createDraft('author', {}, 'submit');
    expect((await assessment(own)).state).toBe('submitted');
    const queue = await (await page('/workspace/review', 'author')).text();
    const item = queue.slice(queue.indexOf(`data-review-item="${own}"`));
    expect(item).toMatch(/You cannot review this one: you cannot review an assessment you wrote/);
    expect(item.slice(0, item.indexOf('</article>'))).toMatch(/<button type="submit" name="decision" value="publish" disabled/);
    const response = await post('/workspace/review', 'review.decide', { id: String(own), decision: 'publish', comment: '' }, 'author');
    expect(response.status).toBe(403);
    expect((await assessment(own)).state).toBe('submitted');
    expect((await lastAudit()).action).toBe('auth.refused');
  });

  it('non-reviewers cannot review, non-admins cannot manage users', async () => {
    const editorReview = await post('/workspace/review', 'review.decide', { id: '1', decision: 'publish' }, 'editor');
    expect(editorReview.status).toBe(403);
    const before = (await db.$client.execute('SELECT count(*) AS n FROM users')).rows[0]!.n;
    const response = await post('/workspace/users', 'users.create', { name: 'Mallory', email: 'mallory@ws.test', roles: 'admin', parties: '', password: 'a-long-enough-passphrase' }, 'editor');
    expect(response.status).toBe(403);
    expect((await db.$client.execute('SELECT count(*) AS n FROM users')).rows[0]!.n).toBe(before);
  });

  it('a form post from another site is refused (403)', async () => {
    const before = await countAssessments();
    const response = await server.get('/workspace/parties/tha?_action=assessments.create', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', cookie: cookies.editor! },
      body: new URLSearchParams(assessmentForm()).toString(),
    });
    expect(response.status).toBe(403);
    expect(await countAssessments()).toBe(before);
  });
});

describe('review', () => {
  it('shows each item as a diff against the last published assessment, then publishes it; the public scorecard shows the new status', async () => {
    // THA's seeded published assessments: pick one commitment that has one, and change its status and evidence.
    const published = (await db.$client.execute("SELECT id, commitment_code, status, assessor FROM assessments WHERE party_slug = 'tha' AND state = 'published' AND assessor = 'independent' ORDER BY id LIMIT 1")).rows[0]!;
    const nextStatus = published.status === 'complete' ? 'substantial' : 'complete';
    // The seeded published assessments are independent: the secretariat's analyst writes the next one.
    const id = await createDraft('analyst', { commitment: String(published.commitment_code), status: nextStatus, assessor: String(published.assessor), asOf: new Date().toISOString().slice(0, 10), narrative: 'Completed: the law is in force and applied.' }, 'submit');
    const queue = await (await page('/workspace/review', 'reviewer')).text();
    const start = queue.indexOf(`data-review-item="${id}"`);
    expect(start).toBeGreaterThan(-1);
    const item = queue.slice(start, queue.indexOf('</article>', start));
    expect(item).toContain(`compared with published assessment ${published.id}`);
    expect(item).toMatch(/data-diff="status" data-changed="true"/);
    expect(item).toMatch(/data-evidence="added"/);
    expect(item).toMatch(/data-evidence="removed"/);
    expect(item).not.toMatch(/disabled/);

    const noComment = await post('/workspace/review', 'review.decide', { id: String(id), decision: 'return', comment: '' }, 'reviewer');
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toMatch(/id="comment-\d+-error">say what must change/);
    expect((await assessment(id)).state).toBe('submitted');

    expect(await (await server.get(`/parties/tha?assessment=${id}`)).text()).not.toContain(`id="assessment-${id}"`);
    const publish = await post('/workspace/review', 'review.decide', { id: String(id), decision: 'publish', comment: '' }, 'reviewer');
    expect(publish.status).toBe(303);
    expect((await assessment(id)).state).toBe('published');
    expect((await lastAudit()).action).toBe('assessment.publish');
    const scorecard = await (await server.get(`/parties/tha?assessment=${id}`)).text();
    const at = scorecard.indexOf(`id="assessment-${id}"`);
    expect(at).toBeGreaterThan(-1);
    expect(scorecard.slice(at, at + 300)).toContain(`badge status-${nextStatus}`);
  });

  it('returns an item with a comment that the editor then sees on the dashboard', async () => {
    const id = await createDraft('editor', { commitment: 'BJS-2' }, 'submit');
    const response = await post('/workspace/review', 'review.decide', { id: String(id), decision: 'return', comment: 'Add the gazette link, <b>please</b>.' }, 'reviewer');
    expect(response.status).toBe(303);
    expect((await assessment(id)).state).toBe('returned');
    const dashboard = await (await page('/workspace', 'editor')).text();
    const returned = dashboard.slice(dashboard.indexOf('data-testid="returned"'));
    expect(returned).toContain(`data-assessment="${id}"`);
    expect(returned).toContain('Add the gazette link, &lt;b&gt;please&lt;/b&gt;.');
  });
});

describe('users and account', () => {
  it('an admin creates a user through the form; a weak password is refused beside its field and nothing else is lost', async () => {
    const weak = await post('/workspace/users', 'users.create', [['name', 'Somchai'], ['email', 'somchai@mfa.go.th'], ['roles', 'editor'], ['parties', 'THA'], ['password', 'password']], 'admin');
    expect(weak.status).toBe(400);
    const html = await weak.text();
    expect(html).toMatch(/id="nu-password-error">The password is (one of the most commonly used|too short)/);
    expect(html).toContain('value="somchai@mfa.go.th"');
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE email = 'somchai@mfa.go.th'")).rows[0]!.n).toBe(0);

    const ok = await post('/workspace/users', 'users.create', [['name', 'Somchai'], ['email', 'Somchai@MFA.go.th'], ['roles', 'editor'], ['roles', 'viewer'], ['parties', 'tha, npl'], ['password', 'mango-sticky-rice-42']], 'admin');
    expect(ok.status).toBe(303);
    const created = (await db.$client.execute("SELECT id FROM users WHERE email = 'somchai@mfa.go.th'")).rows[0]!;
    const roles = (await db.$client.execute({ sql: 'SELECT role FROM user_roles WHERE user_id = ? ORDER BY role', args: [String(created.id)] })).rows.map((r) => r.role);
    expect(roles).toEqual(['editor', 'viewer']);
    const scope = (await db.$client.execute({ sql: 'SELECT party_slug FROM user_parties WHERE user_id = ? ORDER BY party_slug', args: [String(created.id)] })).rows.map((r) => r.party_slug);
    expect(scope).toEqual(['npl', 'tha']);
    expect((await lastAudit()).action).toBe('user.create');
    // The new user can sign in.
    await signIn('somchai@mfa.go.th', 'mango-sticky-rice-42');
  });

  it('an admin changes roles and scope (audited before and after), and disables an account', async () => {
    const change = await post('/workspace/users', 'users.setAccess', [['email', 'somchai@mfa.go.th'], ['roles', 'viewer'], ['parties', '']], 'admin');
    expect(change.status).toBe(303);
    const audit = await lastAudit();
    expect(audit.action).toBe('user.access_change');
    expect(JSON.parse(String(audit.before))).toEqual({ roles: ['editor', 'viewer'], parties: ['npl', 'tha'] });
    expect(JSON.parse(String(audit.after))).toEqual({ roles: ['viewer'], parties: [] });
    const unknown = await post('/workspace/users', 'users.setAccess', [['email', 'somchai@mfa.go.th'], ['roles', 'editor'], ['parties', 'XXX']], 'admin');
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/unknown party &quot;xxx&quot;/);
    const disable = await post('/workspace/users', 'users.setDisabled', { email: 'somchai@mfa.go.th', disabled: 'true' }, 'admin');
    expect(disable.status).toBe(303);
    const login = await server.get('/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin }, body: new URLSearchParams({ email: 'somchai@mfa.go.th', password: 'mango-sticky-rice-42' }).toString() });
    expect(login.status).toBe(401);
    // An admin cannot lock themselves out.
    const self = await post('/workspace/users', 'users.setAccess', [['email', email('admin')], ['roles', 'viewer'], ['parties', '']], 'admin');
    expect(self.status).toBe(400);
  });

  it('a personal API token is shown once, works as a bearer token, and is refused (401) once revoked', async () => {
    const created = await post('/workspace/account', 'tokens.create', { name: 'import script' }, 'viewer');
    expect(created.status).toBe(200);
    expect(created.headers.get('cache-control')).toMatch(/\bno-store\b/);
    const html = await created.text();
    const token = /data-token(?: [^>]*)?>([^<]+)</.exec(html)?.[1];
    expect(token).toMatch(/^[a-z0-9]+\.[a-z0-9]+$/);
    // Never again: the account page lists it without the secret.
    const later = await (await page('/workspace/account', 'viewer')).text();
    expect(later).toContain('import script');
    expect(later).not.toContain(token!);

    const me = await server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect((await me.json()).email).toBe(email('viewer'));

    const tokenId = token!.split('.')[0]!;
    // Someone else's token cannot be revoked by another user.
    const foreign = await post('/workspace/account', 'tokens.revoke', { id: tokenId }, 'editor');
    expect(foreign.status).toBe(404);
    const revoke = await post('/workspace/account', 'tokens.revoke', { id: tokenId }, 'viewer');
    expect(revoke.status).toBe(303);
    expect((await lastAudit()).action).toBe('api_token.revoke');
    const after = await server.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toMatch(/Authenticate/);
  });

  it('changing my password ends my other sessions and keeps this browser signed in', async () => {
    const other = await signIn(email('viewer'));
    const wrong = await post('/workspace/account', 'account.changePassword', { current: 'not-my-password', password: 'a-brand-new-passphrase', confirm: 'a-brand-new-passphrase' }, 'viewer');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/id="pw-current-error">The current password is not right/);
    const response = await post('/workspace/account', 'account.changePassword', { current: PASSWORD, password: 'a-brand-new-passphrase', confirm: 'a-brand-new-passphrase' }, 'viewer');
    expect(response.status).toBe(303);
    const fresh = response.headers.getSetCookie().find((c) => c.startsWith('session='))!.split(';')[0]!;
    expect((await server.get('/workspace', { headers: { cookie: fresh } })).status).toBe(200);
    expect((await server.get('/workspace', { headers: { cookie: other } })).status).toBe(302);
  });
});

describe('audit log page', () => {
  it('is for admins and reviewers; filters by actor and action; pages by keyset', async () => {
    expect((await page('/workspace/audit', 'editor')).status).toBe(403);
    const all = await (await page('/workspace/audit', 'admin')).text();
    expect(all).toMatch(/data-audit-id="\d+"/);
    const filtered = await (await page(`/workspace/audit?actor=${encodeURIComponent(email('reviewer'))}&action=assessment.`, 'reviewer')).text();
    const actions = [...filtered.matchAll(/<td class="code">([a-z_.]+)<\/td>/g)].map((m) => m[1]);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a!.startsWith('assessment.'))).toBe(true);
    // Keyset: the second page starts below the last id of the first, without overlap.
    const ids = [...all.matchAll(/data-audit-id="(\d+)"/g)].map((m) => Number(m[1]));
    const next = /href="\?before=(\d+)"/.exec(all)?.[1];
    if (ids.length === 50) {
      expect(Number(next)).toBe(ids[ids.length - 1]);
      const second = await (await page(`/workspace/audit?before=${next}`, 'admin')).text();
      const secondIds = [...second.matchAll(/data-audit-id="(\d+)"/g)].map((m) => Number(m[1]));
      expect(Math.max(...secondIds)).toBeLessThan(Math.min(...ids));
    }
    const badDate = await page('/workspace/audit?from=2026-02-30', 'admin');
    expect(badDate.status).toBe(400);
  });
});

describe('indicator values', () => {
  it('an editor adds a value for an indicator of a party in scope (audited); bad numbers are refused beside the field', async () => {
    const indicator = (await db.$client.execute("SELECT slug FROM indicators WHERE party_slug = 'tha' ORDER BY slug LIMIT 1")).rows[0]!.slug as string;
    const fields = { indicator, periodStart: '', periodEnd: '2026-03-31', periodLabel: 'Q1 2026', value: '1,250', valueHigh: '', sourceUrl: 'https://www.mfa.go.th/en/q1', sourcePublisher: 'Ministry of Foreign Affairs', confidence: 'confirmed', note: '' };
    const bad = await post('/workspace/parties/tha', 'indicators.addValue', { ...fields, value: 'lots' }, 'editor');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="ind-value-error">Give the value as a number such as 1250 or 3.5/);
    const ok = await post('/workspace/parties/tha', 'indicators.addValue', fields, 'editor');
    expect(ok.status).toBe(303);
    const row = (await db.$client.execute({ sql: "SELECT value FROM indicator_values WHERE indicator_slug = ? AND period_label = 'Q1 2026'", args: [indicator] })).rows[0]!;
    expect(row.value).toBe(1250);
    expect((await lastAudit()).action).toBe('indicator_value.create');
    const again = await post('/workspace/parties/tha', 'indicators.addValue', fields, 'editor');
    expect(again.status).toBe(409);
    const reviewer = await post('/workspace/parties/tha', 'indicators.addValue', { ...fields, periodLabel: 'Q2 2026' }, 'reviewer');
    expect(reviewer.status).toBe(403);
  });
});

describe('dashboard', () => {
  it('lists overdue commitments of my parties (due date passed, not complete)', async () => {
    await db.$client.execute("UPDATE commitments SET due_on = '2020-01-01' WHERE code = 'BJS-7'");
    const html = await (await page('/workspace', 'editor')).text();
    const overdue = html.slice(html.indexOf('data-testid="overdue"'));
    expect(overdue).toContain('#commitment-BJS-7');
    expect(overdue).toContain('2020-01-01');
    // A reviewer with no parties sees the queue, not an overdue list.
    const reviewer = await (await page('/workspace', 'reviewer')).text();
    expect(reviewer).toContain('data-testid="to-review"');
    expect(reviewer).not.toContain('data-testid="overdue"');
  });
});
