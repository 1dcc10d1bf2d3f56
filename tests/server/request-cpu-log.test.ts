/**
 * REQUEST_CPU_LOG (src/server.ts), which `npm run bench:scorecard` reads for the median CPU of
 * a render: one line per answered request, `microseconds<TAB>url`, written when the response ends.
 */
import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TMP_DIR } from '../helpers/paths';
import { startServer, type TestServer } from '../helpers/server';

const log = join(TMP_DIR, `request-cpu-${randomUUID()}.tsv`);
let server: TestServer;
beforeAll(async () => {
  server = await startServer({ REQUEST_CPU_LOG: log });
});
afterAll(() => server?.stop());

/** The log's lines as [microseconds, url], waiting briefly for the line of a response just read. */
async function linesFor(url: string, count: number): Promise<[number, string][]> {
  for (let wait = 0; ; wait++) {
    const lines = (existsSync(log) ? readFileSync(log, 'utf8') : '')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t'))
      .filter(([, logged]) => logged === url)
      .map(([micros, logged]) => [Number(micros), logged!] as [number, string]);
    if (lines.length >= count || wait > 40) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('REQUEST_CPU_LOG', () => {
  it('logs the CPU time of each answered request with its URL', async () => {
    const url = '/parties/tha?page=1';
    for (let i = 0; i < 3; i++) await (await server.get(url, { headers: { cookie: 'cpu-log=test' } })).text();
    const lines = await linesFor(url, 3);
    expect(lines).toHaveLength(3);
    for (const [micros] of lines) {
      expect(Number.isInteger(micros)).toBe(true);
      // A rendered scorecard costs some CPU, and not a minute of it.
      expect(micros).toBeGreaterThan(0);
      expect(micros).toBeLessThan(60_000_000);
    }
  });

  it('logs refused and static requests too, each once', async () => {
    await (await server.get('/favicon.svg')).arrayBuffer();
    await (await server.get('/zzz-not-a-page')).text();
    expect(await linesFor('/favicon.svg', 1)).toHaveLength(1);
    expect(await linesFor('/zzz-not-a-page', 1)).toHaveLength(1);
  });
});
