/**
 * The command-line tools do one thing at a time, so they open the database with one connection
 * instead of the app's pool of EMBEDDED_CONNECTIONS (each pooled connection is a file handle
 * and a round of PRAGMAs when the pool opens).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_CONNECTIONS } from '../../db/client';
import { prepareDatabase } from '../../db/setup';
import { TMP_DIR } from '../helpers/paths';

/** This process's open handles on `path` (Linux: /proc/self/fd). */
function handlesOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

describe('database connections of the command-line tools', () => {
  it('prepareDatabase opens one connection when asked, the pool otherwise', async () => {
    for (const [connections, expected] of [[1, 1], [undefined, EMBEDDED_CONNECTIONS]] as const) {
      const path = join(TMP_DIR, `cli-connections-${randomUUID()}.db`);
      const db = await prepareDatabase({ url: `file:${path}`, embedded: true }, false, { connections });
      try {
        expect(handlesOn(path)).toBe(expected);
      } finally {
        db.$client.close();
      }
    }
  });

  it('every db/*-cli.ts that opens the database asks for one connection', () => {
    const clis = readdirSync('db').filter((name) => name.endsWith('-cli.ts'));
    const opening = clis.filter((name) => /\b(openDatabase|prepareDatabase)\(/.test(readFileSync(join('db', name), 'utf8')));
    expect(opening.sort()).toEqual(['audit-verify-cli.ts', 'check-cli.ts', 'digests-cli.ts', 'prepare-cli.ts', 'treaty-import-cli.ts', 'user-cli.ts']);
    for (const name of opening) {
      const calls = readFileSync(join('db', name), 'utf8').match(/\b(?:openDatabase|prepareDatabase)\([^\n]*/g) ?? [];
      for (const call of calls) expect(call, `${name}: ${call}`).toContain('{ connections: 1 }');
    }
  });
});
