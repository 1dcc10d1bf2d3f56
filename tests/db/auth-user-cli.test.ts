/** `npm run user`: create, disable, enable, reset-password against a seeded temp-file database. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { runUserCommand } from '../../src/lib/server/auth/user-command';
import { getUserByEmail, loadAuthUser } from '../../src/lib/server/auth/auth-user';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { createTempDatabase } from '../helpers/temp-db';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');
let db: Database;
let url: string;

beforeAll(async () => {
  ({ db, url } = await createTempDatabase());
  await seedDatabase(db);
});

/** Runs the CLI as `npm run user -- …` would, with `stdin` piped in. */
function user(args: string[], stdin = '') {
  const result = spawnSync(process.execPath, [TSX, 'db/user-cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url },
    input: stdin,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

/** The same commands in this process (faster than a process per case), with `stdin` as the password. */
function command(args: string[], stdin = '') {
  return runUserCommand(args, { openDatabase: () => openDatabase({ url, embedded: true }), readPassword: async () => stdin.replace(/\r?\n$/, '') });
}

const audit = async () => db.query.auditLog.findMany({ orderBy: (a, { asc }) => [asc(a.id)] });

describe('help', () => {
  it('`npm run user -- --help` prints the usage first, on stdout, and exits 0 without opening the database', async () => {
    const run = user(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^usage:\n  npm run user -- create /);
    expect(run.stdout).toContain('--party');
    expect(run.stderr).toBe('');
    const opened: string[] = [];
    for (const args of [['help'], ['-h'], ['create', '--help'], ['disable', '--email', 'x@y.example', '--help']]) {
      const line = await runUserCommand(args, { openDatabase: async () => { opened.push(args.join(' ')); return db; }, readPassword: async () => '' });
      expect(line, args.join(' ')).toMatch(/^usage:/);
    }
    expect(opened).toEqual([]);
  });
});

describe('create', () => {
  it('creates a user with roles and parties given in any case, password from stdin, audited as cli', async () => {
    const run = user(['create', '--email', 'Nok@MFA.go.th', '--name', 'Nok S.', '--role', 'editor', '--role', 'viewer', '--party', 'THA', '--party', 'asean', '--password-stdin'], 'purple-lantern-harbour\n');
    expect(run).toMatchObject({ status: 0, stdout: expect.stringContaining('created nok@mfa.go.th') });
    const record = await getUserByEmail(db, 'nok@mfa.go.th');
    expect(await verifyPassword(record!.passwordHash, 'purple-lantern-harbour')).toBe(true);
    expect(await loadAuthUser(db, record!.id)).toEqual({ id: record!.id, email: 'nok@mfa.go.th', name: 'Nok S.', roles: ['editor', 'viewer'], parties: ['asean', 'tha'] });
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ actorId: null, actorLabel: 'cli', action: 'user.create', entityType: 'user', entityId: record!.id });
    expect(JSON.parse(last.after!)).toEqual({ email: 'nok@mfa.go.th', name: 'Nok S.', roles: ['editor', 'viewer'], parties: ['tha', 'asean'], disabled: false });
    expect(JSON.stringify(last)).not.toMatch(/argon2|purple-lantern/);
  });

  it('refuses with exit 1 and one line naming the problem (an unknown party)', async () => {
    const run = user(['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--party', 'XYZ', '--password-stdin'], 'purple-lantern-harbour');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: unknown party "xyz": use a party code such as THA or an organisation slug such as asean$/);
  });

  it('refuses bad arguments, weak passwords, missing stdin and duplicates, changing nothing', async () => {
    const before = (await audit()).length;
    const cases: [string[], string, RegExp][] = [
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--party', 'tha,XYZ,abc', '--password-stdin'], 'purple-lantern-harbour', /unknown party "xyz", "abc"/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--password-stdin'], 'Password123', /most commonly used passwords/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--password-stdin'], 'short', /too short: use at least 8/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--password-stdin'], 'x'.repeat(257), /too long: use at most 256/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'boss', '--password-stdin'], 'purple-lantern-harbour', /unknown role "boss"/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--password-stdin'], 'purple-lantern-harbour', /--role is required/],
      [['create', '--email', 'a@x.example', '--role', 'editor', '--password-stdin'], 'purple-lantern-harbour', /--name is required/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor'], 'purple-lantern-harbour', /--password-stdin is required/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--password-stdin'], '', /no password on standard input/],
      [['create', '--email', 'a@x.example', '--name', 'A', '--role', 'editor', '--password', 'x', '--password-stdin'], '', /Unknown option '--password'/],
      [['create', '--email', 'not-an-email', '--name', 'A', '--role', 'editor', '--password-stdin'], 'purple-lantern-harbour', /is not an e-mail address/],
      [['create', '--email', 'NOK@mfa.go.th', '--name', 'Again', '--role', 'viewer', '--password-stdin'], 'purple-lantern-harbour', /already exists/],
      [['promote', '--email', 'nok@mfa.go.th'], '', /unknown command "promote"/],
      [[], '', /a command is needed/],
      [['disable', '--email', 'ghost@x.example'], '', /no user with e-mail ghost@x\.example/],
      [['reset-password', '--email', 'ghost@x.example', '--password-stdin'], 'purple-lantern-harbour', /no user with e-mail ghost@x\.example/],
    ];
    for (const [args, stdin, message] of cases) {
      await expect(command(args, stdin), args.join(' ')).rejects.toThrow(message);
    }
    expect(await getUserByEmail(db, 'a@x.example')).toBeNull();
    expect(await audit()).toHaveLength(before);
  });
});

describe('disable, enable and reset-password', () => {
  it('disable ends every session of the user and is audited', async () => {
    const record = await getUserByEmail(db, 'nok@mfa.go.th');
    const { token } = await createSession(db, record!.id);
    expect(user(['disable', '--email', 'NOK@mfa.go.th'])).toMatchObject({ status: 0, stdout: expect.stringContaining('disabled nok@mfa.go.th') });
    expect(await validateSessionToken(db, token)).toBeNull();
    expect((await audit()).at(-1)).toMatchObject({ actorLabel: 'cli', action: 'user.disable', entityId: record!.id });
    expect(user(['enable', '--email', 'nok@mfa.go.th'])).toMatchObject({ status: 0 });
    expect((await audit()).at(-1)).toMatchObject({ actorLabel: 'cli', action: 'user.enable' });
  });

  it('reset-password takes the new password from stdin, ends sessions, and is audited without the password', async () => {
    const record = await getUserByEmail(db, 'nok@mfa.go.th');
    const { token } = await createSession(db, record!.id);
    expect(user(['reset-password', '--email', 'nok@mfa.go.th', '--password-stdin'], 'qwertyuiop')).toMatchObject({ status: 1, stderr: expect.stringMatching(/most commonly used/) });
    expect(await validateSessionToken(db, token)).not.toBeNull();
    expect(user(['reset-password', '--email', 'nok@mfa.go.th', '--password-stdin'], 'a fresh long passphrase\n')).toMatchObject({ status: 0, stdout: expect.stringContaining('1 session(s) ended') });
    expect(await validateSessionToken(db, token)).toBeNull();
    const updated = await getUserByEmail(db, 'nok@mfa.go.th');
    expect(await verifyPassword(updated!.passwordHash, 'a fresh long passphrase')).toBe(true);
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ actorLabel: 'cli', action: 'user.password_reset', entityId: record!.id });
    expect(JSON.stringify(last)).not.toMatch(/argon2|passphrase/);
  });
});
