import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, readDatabaseConfig } from '../../db/config';

const run = promisify(execFile);

describe('readDatabaseConfig', () => {
  it('defaults to an embedded file', () => {
    expect(readDatabaseConfig({})).toEqual({ url: 'file:.data/monitor.db', authToken: undefined, embedded: true });
  });

  it('accepts remote libSQL URLs with a token', () => {
    const config = readDatabaseConfig({ DATABASE_URL: 'libsql://db.example.turso.io', DATABASE_AUTH_TOKEN: 'abc' });
    expect(config).toEqual({ url: 'libsql://db.example.turso.io', authToken: 'abc', embedded: false });
  });

  it('names DATABASE_URL when it is malformed', () => {
    expect(() => readDatabaseConfig({ DATABASE_URL: 'postgres://nope' })).toThrow(ConfigError);
    expect(() => readDatabaseConfig({ DATABASE_URL: 'postgres://nope' })).toThrow(/^DATABASE_URL /);
  });
});

describe('npm run db:prepare with a bad DATABASE_URL', () => {
  const prepare = (url: string) =>
    run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'db/prepare-cli.ts'], { env: { ...process.env, DATABASE_URL: url } }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  it('fails with one line naming the variable when the URL is malformed', async () => {
    const { code, stderr } = await prepare('mysql://localhost/x');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: DATABASE_URL /);
  });

  it('fails with one line naming the variable when the server is unreachable', async () => {
    const { code, stderr } = await prepare('http://127.0.0.1:9');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^error: DATABASE_URL cannot be reached/);
  });
});
