/**
 * Digests in the built server: the outbox page (administrators only; every message shown as
 * escaped text) over the `.eml` files the embedded default writes, and the digest choice on
 * the account page (an Astro action: checked, audited, refused from another site).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { readMailConfig } from '../../db/config';
import { auditLog, mailPreferences } from '../../db/schema';
import { createMailer } from '../../src/lib/server/mail/transport';
import { TMP_DIR } from '../helpers/paths';
import { startServerWithDatabase, stopServerWithDatabase, type TestServer } from '../helpers/server';
import { signInStaff } from '../helpers/staff';

let server: TestServer;
let db: Database;
let cookies: Record<string, string> = {};
let file = '';
const outbox = mkdtempSync(join(TMP_DIR, 'server-outbox-'));

const ADMIN = 'ada@mail.test';
const EDITOR = 'ploy@mail.test';
const REVIEWER = 'niran@mail.test';

beforeAll(async () => {
  ({ server, db } = await startServerWithDatabase({ MAIL_DIR: outbox }));
  cookies = await signInStaff(server, db, [
    { email: ADMIN, roles: ['admin'] },
    { email: EDITOR, roles: ['editor'], parties: ['THA'] },
    { email: REVIEWER, roles: ['reviewer'] },
  ]);
  const mailer = createMailer(readMailConfig({ MAIL_DIR: outbox }));
  file = (await mailer.send({ to: EDITOR, subject: 'สรุปงาน <script>alert(1)</script>', text: 'Draft: <img src=x onerror=alert(2)>\nhttps://monitor.example/workspace/assessments/7', html: '<p>x</p>', language: 'th' })).file!;
  mailer.close();
});
afterAll(() => stopServerWithDatabase(server, db));

const get = (path: string, who: string | null) => server.get(path, { headers: who ? { cookie: cookies[who]! } : {} });

describe('the outbox page', () => {
  it('lists the messages for an administrator, escaped', async () => {
    const response = await get('/workspace/mail', ADMIN);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('No SMTP server is configured');
    expect(html).toContain(EDITOR);
    expect(html).toContain(`/workspace/mail?id=${encodeURIComponent(file)}`);
    expect(html).toContain('สรุปงาน &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toMatch(/href="\/workspace\/mail"[^>]*>Outbox</);
  });

  it('shows one message: headers, plain text and source, as text', async () => {
    const response = await get(`/workspace/mail?id=${encodeURIComponent(file)}`, ADMIN);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toMatch(/data-testid="mail-subject"[^>]*>สรุปงาน &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/h1>/);
    expect(html).toContain('Draft: &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('data-testid="mail-source"');
    expect(html).toContain('lang="th"');
  });

  it('answers 404 for a message that is not there, or a path out of the folder', async () => {
    for (const id of ['missing.eml', '../monitor.db', '..%2F..%2Fpackage.json', '.hidden.eml']) {
      const response = await get(`/workspace/mail?id=${id}`, ADMIN);
      expect(response.status, id).toBe(404);
      expect(await response.text()).toContain('No such message');
    }
  });

  it('is refused (403) to editors and reviewers, and sends the signed-out to sign in', async () => {
    for (const who of [EDITOR, REVIEWER]) {
      expect((await get('/workspace/mail', who)).status, who).toBe(403);
      expect((await get(`/workspace/mail?id=${encodeURIComponent(file)}`, who)).status, who).toBe(403);
    }
    const signedOut = await get('/workspace/mail', null);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe('/login?next=/workspace/mail');
    expect(await (await get('/workspace', EDITOR)).text()).not.toContain('href="/workspace/mail"');
  });
});

describe('the digest choice on the account page', () => {
  const post = (who: string, fields: Record<string, string>, origin = server.origin) =>
    server.get('/workspace/account?_action=account.setDigest', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin, cookie: cookies[who]! },
      body: new URLSearchParams(fields).toString(),
    });
  const stored = async (email: string) => {
    const rows = await db.$client.execute({ sql: 'SELECT p.digest_frequency AS f, p.locale AS l FROM mail_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = ?', args: [email] });
    return rows.rows[0] ? { f: rows.rows[0].f, l: rows.rows[0].l } : null;
  };

  it('offers a reviewer the daily digest until they choose', async () => {
    const html = await (await get('/workspace/account', REVIEWER)).text();
    expect(html).toMatch(/<h2 id="digest"[^>]*>E-mail digest<\/h2>/);
    expect(html).toMatch(/value="daily" checked/);
    expect(html).toMatch(/value="en" checked/);
    expect(html).toContain('Reviewers get the daily digest');
    expect(await (await get('/workspace/account', EDITOR)).text()).toMatch(/value="none" checked/);
  });

  it('saves the choice (303, audited) and shows it', async () => {
    const response = await post(EDITOR, { frequency: 'weekly', locale: 'th' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/workspace/account?done=digest#digest');
    expect(await stored(EDITOR)).toEqual({ f: 'weekly', l: 'th' });
    const [user] = await db.$client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: [EDITOR] }).then((r) => r.rows);
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'user.digest_preference'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: user!.id, actorLabel: EDITOR });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ digestFrequency: 'weekly', locale: 'th' });
    const html = await (await get('/workspace/account?done=digest', EDITOR)).text();
    expect(html).toContain('Your digest choice was saved.');
    expect(html).toMatch(/value="weekly" checked/);
    expect(html).toMatch(/value="th" checked/);
  });

  it('refuses a value it does not know, in words, and changes nothing', async () => {
    const response = await post(EDITOR, { frequency: 'hourly', locale: 'th' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Your digest choice was not saved.');
    expect(html).toContain('Choose how often you want a digest.');
    expect(await stored(EDITOR)).toEqual({ f: 'weekly', l: 'th' });
  });

  it('refuses a post from another site (403) and changes nothing', async () => {
    const response = await post(REVIEWER, { frequency: 'none', locale: 'en' }, 'https://evil.example');
    expect(response.status).toBe(403);
    expect(await stored(REVIEWER)).toBeNull();
    expect(await db.select().from(mailPreferences)).toHaveLength(1);
  });
});
