/**
 * E-mail digests end to end on a temp database: messages go through a real SMTP server in
 * this process (smtp-server) and are parsed back (mailparser). Recipients, language, content,
 * scope (an editor of THA never sees BGD items; reviewers see the queue, never their own),
 * idempotence per day and ISO week, the dry run, the .eml outbox default and the config.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { ConfigError, readMailConfig } from '../../db/config';
import { auditLog, commitments, digestSends } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { commitmentUrgency, composeDigest, digestPeriod, type DigestContent } from '../../src/domain/digest';
import { createAssessment, reviewAssessment, submitAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { CLI_ACTOR } from '../../src/lib/server/auth/users';
import { runDigests, UnknownRecipientError } from '../../src/lib/server/mail/digests';
import { isOutboxId, listOutbox, readOutboxMessage } from '../../src/lib/server/mail/outbox';
import { getMailPreference, setMailPreference } from '../../src/lib/server/mail/preferences';
import { createMailer, type Mailer } from '../../src/lib/server/mail/transport';
import { spawnTsx } from '../helpers/cli';
import { TMP_DIR } from '../helpers/paths';
import { createStaff, type StaffUser } from '../helpers/staff';
import { createTempDatabase } from '../helpers/temp-db';

const ORIGIN = 'https://monitor.example';
const TODAY = '2026-12-05'; // a Saturday, ISO week 2026-W49

interface Received {
  rcpt: string[];
  mail: ParsedMail;
}
let received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let db: Database;
let dbUrl: string;
let mailer: Mailer;

const people: Record<string, StaffUser> = {};
const ids: Record<string, number> = {};
const acting = (u: StaffUser): Acting => ({ id: u.id, email: u.email, name: u.email.split('@')[0]!, roles: u.roles, parties: u.parties });
const input = (party: string, commitment: string, narrative: string) =>
  assessmentInputSchema.parse({
    party,
    commitment,
    status: 'limited',
    assessor: 'self_reported',
    asOf: '2026-11-15',
    narrative,
    evidence: [{ url: 'https://www.example.org/source', title: 'A source', publisher: 'A publisher', date: '2026-11-10', grade: 'official' }],
  });

const to = (email: string) => received.filter((r) => r.rcpt.includes(email));
const only = (email: string) => {
  const messages = to(email);
  expect(messages, `messages to ${email}`).toHaveLength(1);
  return messages[0]!.mail;
};
const everything = (mail: ParsedMail) => `${mail.subject}\n${mail.text}\n${mail.html || ''}`;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ rcpt: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.server.address();
  smtpUrl = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  mailer = createMailer(readMailConfig({ SMTP_URL: smtpUrl, MAIL_FROM: 'Monitor <monitor@example.org>' }));

  ({ db, url: dbUrl } = await createTempDatabase());
  await seedDatabase(db);
  people.thaTh = await createStaff(db, 'ploy@mfa.go.th', ['editor'], ['THA']);
  people.thaEn = await createStaff(db, 'somchai@mfa.go.th', ['editor', 'reviewer'], ['THA']);
  people.bgd = await createStaff(db, 'rahim@mofa.gov.bd', ['editor'], ['BGD']);
  people.reviewer = await createStaff(db, 'niran@secretariat.example', ['reviewer']);
  people.viewer = await createStaff(db, 'delegate@example.org', ['viewer']);
  people.admin = await createStaff(db, 'ada@example.org', ['admin']);

  await setMailPreference(db, people.thaTh.id, { digestFrequency: 'daily', locale: 'th' }, CLI_ACTOR);
  await setMailPreference(db, people.thaEn.id, { digestFrequency: 'daily', locale: 'en' }, CLI_ACTOR);
  await setMailPreference(db, people.bgd.id, { digestFrequency: 'weekly', locale: 'en' }, CLI_ACTOR);
  // Chose a digest but has nothing to do: no message.
  await setMailPreference(db, people.viewer.id, { digestFrequency: 'daily', locale: 'en' }, CLI_ACTOR);

  // THA: a draft, a returned item, and an item submitted by the editor-reviewer (Somchai).
  ids.thaDraft = (await createAssessment(db, acting(people.thaTh), input('THA', 'BJS-3', 'Thai draft'))).id;
  ids.thaReturned = (await createAssessment(db, acting(people.thaTh), input('THA', 'BJS-4', 'Thai returned'), { submit: true })).id;
  await reviewAssessment(db, acting(people.reviewer), ids.thaReturned, 'return', 'Add the decree <number> & its date');
  ids.thaSubmitted = (await createAssessment(db, acting(people.thaEn), input('THA', 'BJS-5', 'Thai submitted'), { submit: true })).id;
  // BGD: a draft and a submitted item.
  ids.bgdDraft = (await createAssessment(db, acting(people.bgd), input('BGD', 'BJS-3', 'Bangladesh draft'))).id;
  const bgdSubmitted = await createAssessment(db, acting(people.bgd), input('BGD', 'BJS-4', 'Bangladesh submitted'));
  ids.bgdSubmitted = (await submitAssessment(db, acting(people.bgd), bgdSubmitted.id)).id;

  // Due dates: BJS-1 passed (overdue wherever it is not complete), BJS-2 within 30 days, BJS-3 in 45 days (not listed).
  await db.update(commitments).set({ dueOn: '2026-06-30' }).where(eq(commitments.code, 'BJS-1'));
  await db.update(commitments).set({ dueOn: '2026-12-20' }).where(eq(commitments.code, 'BJS-2'));
  await db.update(commitments).set({ dueOn: '2027-01-19' }).where(eq(commitments.code, 'BJS-3'));
});

afterAll(async () => {
  mailer?.close();
  db?.$client.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(resolve) : resolve()));
});

describe('sending digests over SMTP', () => {
  it('sends one message to each user with something to do, and none to the others', async () => {
    const outcomes = await runDigests(db, mailer, { today: TODAY, origin: ORIGIN });
    const sent = outcomes.filter((o) => o.result === 'sent').map((o) => o.email).sort();
    expect(sent).toEqual(['niran@secretariat.example', 'ploy@mfa.go.th', 'rahim@mofa.gov.bd', 'somchai@mfa.go.th']);
    expect(received.flatMap((r) => r.rcpt).sort()).toEqual(sent);
    expect(outcomes.find((o) => o.email === 'delegate@example.org')?.result).toBe('nothing_to_do');
    expect(outcomes.find((o) => o.email === 'ada@example.org')?.result).toBe('not_due');
    for (const r of received) expect(r.mail.from?.value[0]).toMatchObject({ name: 'Monitor', address: 'monitor@example.org' });
  });

  it('writes to a Thai user in Thai: subject with counts, body and links', () => {
    const mail = only('ploy@mfa.go.th');
    expect(mail.subject).toBe('สรุปงานประจำวัน: ฉบับร่าง 1 รายการ, ส่งกลับ 1 รายการ, พันธกรณีถึงกำหนด 2 รายการ');
    expect(mail.headers.get('content-language')).toBe('th');
    expect(mail.text).toContain('ฉบับร่างที่ยังไม่ได้ส่ง');
    expect(mail.text).toContain('รายการที่ถูกส่งกลับให้แก้ไข');
    expect(mail.text).toContain('ความเห็นของผู้ตรวจ: Add the decree <number> & its date');
    // Every link of a Thai digest opens the workspace in Thai.
    expect(mail.text).toContain(`${ORIGIN}/th/workspace/assessments/${ids.thaDraft}`);
    expect(mail.text).toContain(`${ORIGIN}/th/workspace/assessments/${ids.thaReturned}`);
    expect(mail.text).toContain(`เกินกำหนดตั้งแต่ 2026-06-30`);
    expect(mail.text).toContain(`${ORIGIN}/th/workspace/parties/tha#commitment-BJS-1`);
    expect(mail.text).toContain(`${ORIGIN}/th/workspace/parties/tha#commitment-BJS-2`);
    expect(mail.text).toContain(`${ORIGIN}/th/workspace/account#digest`);
    const links = [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"<]+/g)].map((m) => m[0]);
    expect(links.length).toBeGreaterThan(4);
    for (const link of links) expect(link.startsWith(`${ORIGIN}/th/workspace/`), link).toBe(true);
    expect(mail.text).not.toContain('commitment-BJS-3');
    // The HTML escapes stored text, and its lang is Thai.
    expect(mail.html).toContain('<html lang="th">');
    expect(mail.html).toContain('Add the decree &lt;number&gt; &amp; its date');
    expect(mail.html).not.toContain('<number>');
  });

  it('never shows an editor of THA anything of BGD, nor BGD anything of THA', () => {
    const tha = everything(only('ploy@mfa.go.th'));
    expect(tha).not.toMatch(/BGD|bgd|Bangladesh|บังกลาเทศ/);
    for (const id of [ids.bgdDraft, ids.bgdSubmitted]) expect(tha).not.toContain(`/workspace/assessments/${id}`);
    const bgd = only('rahim@mofa.gov.bd');
    expect(bgd.subject).toBe('Weekly digest: 1 draft, 2 commitments due');
    const text = everything(bgd);
    expect(text).toContain(`${ORIGIN}/workspace/assessments/${ids.bgdDraft}`);
    expect(text).not.toContain('/th/workspace');
    expect(text).not.toMatch(/THA|tha#|Thailand/);
    for (const id of [ids.thaDraft, ids.thaReturned, ids.thaSubmitted]) expect(text).not.toContain(`/workspace/assessments/${id}`);
    // An editor is not a reviewer: no queue.
    expect(text).not.toContain('Waiting for your review');
  });

  it('gives a reviewer the queue (daily, without choosing), and an editor-reviewer the queue less what they wrote', () => {
    const reviewer = only('niran@secretariat.example');
    expect(reviewer.subject).toBe('Daily digest: 2 to review');
    expect(reviewer.text).toContain('Waiting for your review (2)');
    expect(reviewer.text).toContain(`${ORIGIN}/workspace/assessments/${ids.thaSubmitted}`);
    expect(reviewer.text).toContain(`${ORIGIN}/workspace/assessments/${ids.bgdSubmitted}`);
    expect(reviewer.text).toContain(`Open the review queue: ${ORIGIN}/workspace/review`);
    expect(reviewer.text).not.toContain('Drafts not yet submitted');
    const both = only('somchai@mfa.go.th');
    expect(both.subject).toBe('Daily digest: 1 draft, 1 returned, 1 to review, 2 commitments due');
    expect(both.text).toContain(`${ORIGIN}/workspace/assessments/${ids.bgdSubmitted}`);
    expect(both.text).not.toContain(`${ORIGIN}/workspace/assessments/${ids.thaSubmitted}`);
  });

  it('records and audits each message, and a second run the same day sends nothing new', async () => {
    const before = received.length;
    const outcomes = await runDigests(db, mailer, { today: TODAY, origin: ORIGIN });
    expect(received.length).toBe(before);
    expect(outcomes.filter((o) => o.result === 'already_sent')).toHaveLength(4);
    const sends = await db.select().from(digestSends);
    expect(sends.map((s) => `${s.recipient} ${s.frequency} ${s.period} ${s.state}`).sort()).toEqual([
      'niran@secretariat.example daily 2026-12-05 sent',
      'ploy@mfa.go.th daily 2026-12-05 sent',
      'rahim@mofa.gov.bd weekly 2026-W49 sent',
      'somchai@mfa.go.th daily 2026-12-05 sent',
    ]);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'digest.sent'));
    expect(audits).toHaveLength(4);
    expect(JSON.parse(audits.find((a) => a.entityId === people.thaTh!.id)!.after!)).toMatchObject({ to: 'ploy@mfa.go.th', locale: 'th', counts: { drafts: 1, returned: 1, toReview: 0, commitments: 2 }, transport: 'smtp' });
  });

  it('sends daily digests again the next day, a weekly one only in the next ISO week', async () => {
    received = [];
    await runDigests(db, mailer, { today: '2026-12-06', origin: ORIGIN });
    expect(received.flatMap((r) => r.rcpt).sort()).toEqual(['niran@secretariat.example', 'ploy@mfa.go.th', 'somchai@mfa.go.th']);
    received = [];
    await runDigests(db, mailer, { today: '2026-12-07', origin: ORIGIN, frequency: 'weekly' });
    expect(received.flatMap((r) => r.rcpt)).toEqual(['rahim@mofa.gov.bd']);
  });

  it('a dry run composes but sends and records nothing; --user limits the run to one account', async () => {
    received = [];
    const rows = (await db.select({ n: count() }).from(digestSends))[0]!.n;
    const outcomes = await runDigests(db, mailer, { today: '2026-12-08', origin: ORIGIN, dryRun: true, userEmail: 'PLOY@mfa.go.th' });
    expect(outcomes).toEqual([expect.objectContaining({ email: 'ploy@mfa.go.th', result: 'would_send', period: '2026-12-08' })]);
    expect(received).toHaveLength(0);
    expect((await db.select({ n: count() }).from(digestSends))[0]!.n).toBe(rows);
    await expect(runDigests(db, mailer, { today: TODAY, origin: ORIGIN, userEmail: 'nobody@example.org' })).rejects.toBeInstanceOf(UnknownRecipientError);
  });

  it('a send the server refuses is audited and not recorded, so the next run tries again', async () => {
    const refusing = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onRcptTo: (_a, _s, cb) => cb(new Error('mailbox unavailable')) });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.server.address() as { port: number }).port;
    const bad = createMailer({ transport: 'smtp', url: `smtp://127.0.0.1:${port}`, from: 'monitor@example.org' });
    try {
      const outcomes = await runDigests(db, bad, { today: '2026-12-09', origin: ORIGIN, userEmail: 'ploy@mfa.go.th' });
      expect(outcomes[0]).toMatchObject({ result: 'failed' });
      expect(await db.select().from(digestSends).where(eq(digestSends.period, '2026-12-09'))).toHaveLength(0);
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'digest.failed'))).toHaveLength(1);
    } finally {
      bad.close();
      await new Promise<void>((resolve) => refusing.close(resolve));
    }
    received = [];
    const retry = await runDigests(db, mailer, { today: '2026-12-09', origin: ORIGIN, userEmail: 'ploy@mfa.go.th' });
    expect(retry[0]).toMatchObject({ result: 'sent' });
    expect(received).toHaveLength(1);
  });
});

describe('the preference', () => {
  it('is stored per user and audited with before and after', async () => {
    await setMailPreference(db, people.admin!.id, { digestFrequency: 'weekly', locale: 'th' }, { id: people.admin!.id, label: 'ada@example.org', ip: '127.0.0.1' });
    expect(await getMailPreference(db, people.admin!.id)).toEqual({ digestFrequency: 'weekly', locale: 'th' });
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'user.digest_preference')).orderBy(auditLog.id).limit(1).offset(4);
    expect(row).toMatchObject({ entityId: people.admin!.id, actorLabel: 'ada@example.org' });
    expect(JSON.parse(row!.before!)).toBeNull();
    expect(JSON.parse(row!.after!)).toEqual({ digestFrequency: 'weekly', locale: 'th' });
  });
});

describe('the .eml outbox (no SMTP configured)', () => {
  it('writes each message as an RFC 822 file that the outbox lists and reads back, Thai intact', async () => {
    const dir = mkdtempSync(join(TMP_DIR, 'outbox-'));
    const config = readMailConfig({ MAIL_DIR: dir });
    expect(config).toEqual({ transport: 'outbox', dir, from: 'Bangkok Joint Statement Monitor <monitor@localhost>' });
    const outbox = createMailer(config);
    const outcomes = await runDigests(db, outbox, { today: '2026-12-10', origin: ORIGIN, userEmail: 'ploy@mfa.go.th' });
    outbox.close();
    expect(outcomes[0]).toMatchObject({ result: 'sent' });
    const files = readdirSync(dir);
    expect(files).toEqual([outcomes[0]!.file]);
    const raw = readFileSync(join(dir, files[0]!), 'utf8');
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toMatch(/^To: ploy@mfa\.go\.th$/m);
    const { entries, total } = await listOutbox(dir);
    expect(total).toBe(1);
    expect(entries[0]).toMatchObject({ id: files[0], to: 'ploy@mfa.go.th' });
    expect(entries[0]!.subject).toMatch(/^สรุปงานประจำวัน: /);
    const message = await readOutboxMessage(dir, files[0]!);
    expect(message?.text).toContain('ฉบับร่างที่ยังไม่ได้ส่ง');
    expect(message?.language).toBe('th');
    expect(await readOutboxMessage(dir, '../digests.test.eml')).toBeNull();
    expect(await readOutboxMessage(dir, 'missing.eml')).toBeNull();
    expect(await listOutbox(join(dir, 'absent'))).toEqual({ entries: [], total: 0 });
    expect(isOutboxId('.hidden.eml')).toBe(false);
  });
});

describe('configuration', () => {
  it('requires MAIL_FROM with SMTP_URL, checks both, and never echoes the SMTP password', () => {
    expect(() => readMailConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(/^MAIL_FROM must be set when SMTP_URL is set/);
    expect(() => readMailConfig({ SMTP_URL: 'http://user:secret@mail.example.org', MAIL_FROM: 'a@b.c' })).toThrow(ConfigError);
    try {
      readMailConfig({ SMTP_URL: 'mail.example.org:secret', MAIL_FROM: 'a@b.c' });
    } catch (error) {
      expect((error as Error).message).toMatch(/^SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
      expect((error as Error).message).not.toContain('secret');
    }
    expect(() => readMailConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'not an address' })).toThrow(/^MAIL_FROM must be an address/);
    expect(readMailConfig({ SMTP_URL: 'smtps://u:p@mail.example.org:465', MAIL_FROM: 'Monitor <monitor@example.org>' })).toEqual({ transport: 'smtp', url: 'smtps://u:p@mail.example.org:465', from: 'Monitor <monitor@example.org>' });
    expect(readMailConfig({})).toMatchObject({ transport: 'outbox', dir: '.data/mail' });
  });

  it('npm run digests: a clear config error, and a dry run that writes nothing', async () => {
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ status: number | null; out: string; err: string }>((resolve) => {
        const child = spawnTsx('db/digests-cli.ts', args, { DATABASE_URL: dbUrl, SMTP_URL: '', MAIL_FROM: '', ...env });
        let out = '';
        let err = '';
        child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
        child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
        child.on('close', (status) => resolve({ status, out, err }));
        child.stdin.end();
      });
    const noFrom = await run([], { SMTP_URL: smtpUrl });
    expect(noFrom.status).toBe(1);
    expect(noFrom.err).toContain('error: MAIL_FROM must be set when SMTP_URL is set');
    const dir = mkdtempSync(join(TMP_DIR, 'outbox-cli-'));
    const dry = await run(['--dry-run', '--date', '2026-12-11'], { MAIL_DIR: dir, PUBLIC_ORIGIN: ORIGIN });
    expect(dry.status, dry.err).toBe(0);
    expect(dry.out).toMatch(/would send ploy@mfa\.go\.th \(daily 2026-12-11\): สรุปงานประจำวัน/);
    expect(dry.out).toContain('skipped  ada@example.org (weekly 2026-W50)');
    expect(dry.out).toContain('dry run: 3 would be sent to the outbox');
    expect(readdirSync(dir)).toEqual([]);
  }, 180_000);
});

describe('the pure rules', () => {
  it('names ISO weeks across year ends', () => {
    expect(digestPeriod('weekly', '2026-12-05')).toBe('2026-W49');
    expect(digestPeriod('weekly', '2026-12-07')).toBe('2026-W50');
    expect(digestPeriod('weekly', '2026-01-01')).toBe('2026-W01');
    expect(digestPeriod('weekly', '2027-01-01')).toBe('2026-W53');
    expect(digestPeriod('weekly', '2024-12-30')).toBe('2025-W01');
    expect(digestPeriod('daily', '2026-12-05')).toBe('2026-12-05');
  });

  it('calls a commitment overdue as the public site does, and due soon within 30 days', () => {
    expect(commitmentUrgency('2026-12-04', 'limited', TODAY)).toBe('overdue');
    expect(commitmentUrgency('2026-12-04', 'complete', TODAY)).toBeNull();
    expect(commitmentUrgency('2026-12-04', 'not_applicable', TODAY)).toBeNull();
    expect(commitmentUrgency('2026-12-05', undefined, TODAY)).toBe('due_soon');
    expect(commitmentUrgency('2027-01-04', undefined, TODAY)).toBe('due_soon');
    expect(commitmentUrgency('2027-01-05', undefined, TODAY)).toBeNull();
    expect(commitmentUrgency(null, undefined, TODAY)).toBeNull();
  });

  it('composes nothing when there is nothing to do', () => {
    const empty: DigestContent = { drafts: [], returned: [], toReview: [], commitments: [] };
    expect(composeDigest(empty, { locale: 'en', frequency: 'daily', origin: ORIGIN, recipientName: 'X', today: TODAY })).toBeNull();
  });

  it('links a Thai reviewer to the Thai review queue and an English one to the English queue', () => {
    const item = { id: 7, partySlug: 'tha', partyName: 'Thailand', commitmentCode: 'BJS-1', commitmentTitle: 'A title', authorName: 'Ploy', reviewComment: null };
    const content: DigestContent = { drafts: [], returned: [], toReview: [item], commitments: [] };
    const thai = composeDigest(content, { locale: 'th', frequency: 'daily', origin: `${ORIGIN}/`, recipientName: 'นิรันดร์', today: TODAY })!;
    expect(thai.text).toContain(`เปิดคิวการตรวจ: ${ORIGIN}/th/workspace/review`);
    expect(thai.html).toContain(`href="${ORIGIN}/th/workspace/assessments/7"`);
    const english = composeDigest(content, { locale: 'en', frequency: 'daily', origin: ORIGIN, recipientName: 'Niran', today: TODAY })!;
    expect(english.text).toContain(`Open the review queue: ${ORIGIN}/workspace/review`);
    expect(english.text).not.toContain('/th/');
  });
});
