/**
 * Treaty status from the UN Treaty Collection as a reviewed change, on a seeded temp-file
 * database: the CLI's dry run (exact `--json`, nothing written), prepare → approve by another
 * reviewer (rows written with their source, in one transaction, audited), the two-person
 * rule, a stale import, and the same flow through `npm run treaty:import`.
 */
import { readFileSync } from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditLog, participations, treatyImports } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { verifyAuditChain } from '../../src/lib/server/audit';
import type { Acting } from '../../src/lib/server/assessments/service';
import { approveTreatyImport, listTreatyImports, prepareTreatyImport, rejectTreatyImport } from '../../src/lib/server/treaty-import';
import { runCli } from '../helpers/cli';
import { createStaff, type StaffUser } from '../helpers/staff';
import { createTempDatabase } from '../helpers/temp-db';

const UNCC = 'un-convention-against-cybercrime';
const FIXTURE = 'tests/fixtures/untc-xviii-16.txt';
const UNTC_PAGE = 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml';
const table = readFileSync(FIXTURE, 'utf8');

const EXPECTED_DIFF = [
  { party: 'nru', action: 'acceptance', date: '2026-02-05', change: 'added' },
  { party: 'plw', action: 'approval', date: '2026-03-02', change: 'added' },
  { party: 'qat', action: 'ratification', date: '2026-01-12', change: 'added' },
  { party: 'sgp', action: 'accession', date: '2026-03-03', change: 'added' },
  { party: 'uga', action: 'signature', date: '2025-10-25', change: 'changed' },
  { party: 'mus', action: 'signature', date: '2025-11-19', change: 'missing' },
  { party: 'Atlantis', action: 'signature', date: '2025-10-25', change: 'unknown_party' },
];

/** A fresh seeded database with an editor, a reviewer who is also an editor, and a second reviewer. */
async function setup() {
  const temp = await createTempDatabase();
  await seedDatabase(temp.db);
  const editor = await createStaff(temp.db, 'nok@mfa.example', ['editor'], ['tha']);
  const both = await createStaff(temp.db, 'ploy@mfa.example', ['editor', 'reviewer']);
  const reviewer = await createStaff(temp.db, 'rev@secretariat.example', ['reviewer']);
  return { ...temp, editor, both, reviewer };
}

const acting = (u: StaffUser): Acting => ({ id: u.id, email: u.email, name: u.email, roles: u.roles, parties: u.parties, ip: null });

async function uncc(db: Database) {
  return db.select().from(participations).where(eq(participations.instrumentSlug, UNCC)).orderBy(asc(participations.id));
}

async function row(db: Database, party: string, action: string) {
  const [found] = await db
    .select()
    .from(participations)
    .where(and(eq(participations.instrumentSlug, UNCC), eq(participations.partySlug, party), eq(participations.action, action as 'signature')));
  return found ?? null;
}

const auditRows = (db: Database) => db.select().from(auditLog).orderBy(asc(auditLog.id));

// Each CLI run starts node with tsx: several seconds on a busy machine.
const CLI_TIMEOUT = 120_000;

describe('npm run treaty:import (dry run)', { timeout: CLI_TIMEOUT }, () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    ctx = await setup();
  });

  it('prints exactly [{party, action, date, change}] with --json and writes nothing', async () => {
    const before = { rows: await uncc(ctx.db), audit: (await auditRows(ctx.db)).length };
    const run = await runCli('db/treaty-import-cli.ts', ['--instrument', UNCC, '--file', FIXTURE, '--dry-run', '--json'], ctx.url);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${JSON.stringify(EXPECTED_DIFF)}\n`);
    expect(await uncc(ctx.db)).toEqual(before.rows);
    expect(await auditRows(ctx.db)).toHaveLength(before.audit);
    expect(await ctx.db.select().from(treatyImports)).toEqual([]);
  });

  it('prints a line per difference for people, and says nothing was written', async () => {
    const run = await runCli('db/treaty-import-cli.ts', ['--instrument', UNCC, '--file', FIXTURE], ctx.url);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe(`${UNCC}: 74 participants read from untc-xviii-16.txt (text); 4 added, 1 changed, 1 missing, 1 unknown`);
    expect(lines).toContain('changed  uga    signature     2025-10-25 (database: 2025-10-26)');
    expect(lines).toContain('unknown  "Atlantis" signature     2025-10-25');
    expect(lines.at(-2)).toBe('1 stored action is not in the table: if that is more than you expect, check that the whole table was copied (the import never deletes them).');
    expect(lines.at(-1)).toMatch(/^dry run: nothing was written/);
  });

  it('refuses an unknown instrument, a non-UN treaty and an unreadable table in one line', async () => {
    const unknown = await runCli('db/treaty-import-cli.ts', ['--instrument', 'nope', '--file', FIXTURE, '--dry-run'], ctx.url);
    expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'error: instrument: no instrument "nope"']);
    const actip = await runCli('db/treaty-import-cli.ts', ['--instrument', 'actip-2015', '--file', FIXTURE, '--dry-run'], ctx.url);
    expect(actip.status).toBe(1);
    expect(actip.stderr).toMatch(/^error: instrument: actip-2015 is not a treaty deposited with the UN Secretary-General/);
    const missing = await runCli('db/treaty-import-cli.ts', ['--instrument', UNCC, '--file', 'tests/fixtures/none.txt'], ctx.url);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read tests\/fixtures\/none.txt: ENOENT/);
  });
});

describe('prepare and approve', () => {
  let ctx: Awaited<ReturnType<typeof setup>>;
  beforeEach(async () => {
    ctx = await setup();
  });

  it('writes the added and changed actions with the UNTC page as source, in one transaction with their audit rows', async () => {
    const now = new Date('2026-04-01T08:00:00Z');
    const { id } = await prepareTreatyImport(ctx.db, acting(ctx.editor), { instrumentSlug: UNCC, content: table, fileName: 'untc.txt' }, now);
    const [pending] = await listTreatyImports(ctx.db, 'pending');
    expect(pending).toMatchObject({ id, state: 'pending', checkedOn: '2026-04-01', sourceUrl: UNTC_PAGE, preparedByEmail: 'nok@mfa.example', counts: { added: 4, changed: 1, missing: 1, unknown_party: 1 } });
    const musBefore = await row(ctx.db, 'mus', 'signature');
    const auditBefore = (await auditRows(ctx.db)).length;

    const result = await approveTreatyImport(ctx.db, acting(ctx.reviewer), id, new Date('2026-04-02T09:30:00Z'));
    expect(result.written.map((w) => `${w.change} ${w.party} ${w.action}`)).toEqual(['added nru acceptance', 'added plw approval', 'added qat ratification', 'added sgp accession', 'changed uga signature']);

    const note = `Imported from the UN Treaty Collection status table (treaty import ${id}); last checked 2026-04-01.`;
    const sourced = { sourceUrl: UNTC_PAGE, sourcePublisher: 'UN Treaty Collection', confidence: 'confirmed', note };
    expect(await row(ctx.db, 'sgp', 'accession')).toMatchObject({ actedOn: '2026-03-03', ...sourced });
    expect(await row(ctx.db, 'nru', 'acceptance')).toMatchObject({ actedOn: '2026-02-05', ...sourced });
    expect(await row(ctx.db, 'qat', 'ratification')).toMatchObject({ actedOn: '2026-01-12', ...sourced });
    expect(await row(ctx.db, 'uga', 'signature')).toMatchObject({ actedOn: '2025-10-25', ...sourced, checkedOn: '2026-04-01' });
    // Missing and unknown entries are for people: nothing is deleted or guessed.
    expect(await row(ctx.db, 'mus', 'signature')).toEqual(musBefore);
    expect(await row(ctx.db, 'aze', 'ratification')).toBeNull();

    const written = (await auditRows(ctx.db)).slice(auditBefore);
    expect(written.map((a) => [a.action, a.actorLabel])).toEqual([
      ...Array(4).fill(['participation.create', 'rev@secretariat.example']),
      ...Array(1).fill(['participation.update', 'rev@secretariat.example']),
      ['treaty_import.approve', 'rev@secretariat.example'],
    ]);
    expect(new Set(written.map((a) => a.at))).toEqual(new Set(['2026-04-02T09:30:00.000Z']));
    const uga = written.find((a) => a.action === 'participation.update' && JSON.parse(a.after!).partySlug === 'uga')!;
    expect(JSON.parse(uga.before!)).toMatchObject({ actedOn: '2025-10-26', confidence: 'inferred' });
    expect(JSON.parse(uga.after!)).toMatchObject({ actedOn: '2025-10-25', confidence: 'confirmed', treatyImport: id });
    expect(await verifyAuditChain(ctx.db)).toMatchObject({ ok: true });

    const [applied] = await listTreatyImports(ctx.db, 'applied');
    expect(applied).toMatchObject({ id, reviewedByEmail: 'rev@secretariat.example', reviewedAt: '2026-04-02T09:30:00.000Z' });
    await expect(approveTreatyImport(ctx.db, acting(ctx.both), id)).rejects.toMatchObject({ status: 409, message: `treaty import ${id} was already applied` });

    // The next seed (every start) keeps what the import wrote over the content file's rows.
    await seedDatabase(ctx.db);
    expect(await row(ctx.db, 'uga', 'signature')).toMatchObject({ actedOn: '2025-10-25', confidence: 'confirmed', note });
    expect(await row(ctx.db, 'qat', 'ratification')).toMatchObject({ actedOn: '2026-01-12', note });
    expect(await row(ctx.db, 'tha', 'signature')).toMatchObject({ actedOn: '2025-10-25', note: null });
  });

  it('refuses the preparer as reviewer (two-person rule) and a non-reviewer, changing nothing', async () => {
    const { id } = await prepareTreatyImport(ctx.db, acting(ctx.both), { instrumentSlug: UNCC, content: table });
    const rows = await uncc(ctx.db);
    const audit = (await auditRows(ctx.db)).length;
    await expect(approveTreatyImport(ctx.db, acting(ctx.both), id)).rejects.toMatchObject({ status: 403, message: 'you cannot review a treaty import you prepared' });
    await expect(rejectTreatyImport(ctx.db, acting(ctx.both), id, null)).rejects.toMatchObject({ status: 403 });
    await expect(approveTreatyImport(ctx.db, acting(ctx.editor), id)).rejects.toMatchObject({ status: 403, message: 'only reviewers approve or reject treaty imports' });
    expect(await uncc(ctx.db)).toEqual(rows);
    expect(await auditRows(ctx.db)).toHaveLength(audit);
    expect((await listTreatyImports(ctx.db, 'pending')).map((p) => p.id)).toEqual([id]);
  });

  it('rolls everything back when one write fails half-way: no row, no audit, still pending', async () => {
    const { id } = await prepareTreatyImport(ctx.db, acting(ctx.editor), { instrumentSlug: UNCC, content: table });
    await ctx.db.$client.execute("CREATE TRIGGER fail_sgp BEFORE INSERT ON participations WHEN NEW.party_slug = 'sgp' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const rows = await uncc(ctx.db);
    const audit = (await auditRows(ctx.db)).length;
    await expect(approveTreatyImport(ctx.db, acting(ctx.reviewer), id)).rejects.toThrow();
    expect(await uncc(ctx.db)).toEqual(rows);
    expect(await row(ctx.db, 'nru', 'acceptance')).toBeNull();
    expect(await auditRows(ctx.db)).toHaveLength(audit);
    expect((await listTreatyImports(ctx.db, 'pending')).map((p) => p.id)).toEqual([id]);
  });

  it('refuses an import whose differences changed since it was prepared', async () => {
    const { id } = await prepareTreatyImport(ctx.db, acting(ctx.editor), { instrumentSlug: UNCC, content: table });
    await ctx.db.update(participations).set({ actedOn: '2025-10-27' }).where(and(eq(participations.instrumentSlug, UNCC), eq(participations.partySlug, 'tha'), eq(participations.action, 'signature')));
    await expect(approveTreatyImport(ctx.db, acting(ctx.reviewer), id)).rejects.toMatchObject({ status: 409, message: expect.stringMatching(/changed after import \d+ was prepared/) });
    await rejectTreatyImport(ctx.db, acting(ctx.reviewer), id, 'prepare it again');
    expect((await listTreatyImports(ctx.db, 'rejected'))[0]).toMatchObject({ id, reviewComment: 'prepare it again' });
  });

  it('refuses to prepare a table with errors, one that changes nothing, and a viewer', async () => {
    await expect(prepareTreatyImport(ctx.db, acting(ctx.editor), { instrumentSlug: UNCC, content: 'Chile    25 Okt 2025' })).rejects.toMatchObject({ status: 400, field: 'table', message: expect.stringMatching(/^table: line 1: Chile: "25 Okt 2025" is not a date/) });
    await expect(prepareTreatyImport(ctx.db, acting(ctx.editor), { instrumentSlug: UNCC, content: 'Thailand    25 Oct 2025' })).rejects.toMatchObject({ status: 409 });
    const viewer = await createStaff(ctx.db, 'view@mfa.example', ['viewer']);
    await expect(prepareTreatyImport(ctx.db, acting(viewer), { instrumentSlug: UNCC, content: table })).rejects.toMatchObject({ status: 403 });
    expect(await ctx.db.select().from(treatyImports)).toEqual([]);
  });
});

describe('npm run treaty:import (prepare, approve)', { timeout: CLI_TIMEOUT }, () => {
  it('prepares as one person, refuses the same person, applies as another', async () => {
    const ctx = await setup();
    const prepare = await runCli('db/treaty-import-cli.ts', ['--instrument', UNCC, '--file', FIXTURE, '--prepare', '--as', 'ploy@mfa.example', '--checked-on', '2026-03-31'], ctx.url);
    expect(prepare.stderr).toBe('');
    const id = Number(/prepared treaty import (\d+) for review/.exec(prepare.stdout)?.[1]);
    expect(id).toBeGreaterThan(0);
    const self = await runCli('db/treaty-import-cli.ts', ['approve', String(id), '--as', 'ploy@mfa.example'], ctx.url);
    expect([self.status, self.stderr.trim()]).toEqual([1, 'error: you cannot review a treaty import you prepared']);
    const refusal = (await auditRows(ctx.db)).at(-1)!;
    expect(refusal).toMatchObject({ action: 'auth.refused', actorLabel: 'ploy@mfa.example', entityId: 'treaty:import approve' });
    const approve = await runCli('db/treaty-import-cli.ts', ['approve', String(id), '--as', 'REV@secretariat.example'], ctx.url);
    expect(approve.stderr).toBe('');
    expect(approve.stdout.split('\n')[0]).toBe(`applied treaty import ${id}: 5 treaty actions written`);
    expect(await row(ctx.db, 'sgp', 'accession')).toMatchObject({ actedOn: '2026-03-03', note: expect.stringContaining('last checked 2026-03-31') });
  });
});
