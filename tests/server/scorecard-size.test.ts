/**
 * The largest scorecard's HTML stays bounded however long the party's record grows (issue 17,
 * point 3): on a generated database where one party has hundreds of assessed commitments, the
 * page shows one page of them (COMMITMENTS_PER_PAGE) and reaches the rest through the pager and
 * through `?assessment=ID` / `?commitment=CODE` links, in English, Thai and Indonesian.
 *
 * The whole page is held to 150 KB here; on the 1M-assessment database the same is measured
 * with `npm run bench:scorecard` (docs: Performance).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScaleDatabase } from '../../db/generate/scale-data';
import { COMMITMENTS_PER_PAGE } from '../../src/lib/server/views/scorecard';
import { TMP_DIR } from '../helpers/paths';
import { startServer, type TestServer } from '../helpers/server';

/**
 * Bytes of a scorecard's whole HTML, at most (issue 17: 150 KB before compression), in every
 * language: charts (drawn inline on the server), inline stylesheet and printed briefing included.
 */
const PAGE_BUDGET = 150 * 1024;

let server: TestServer;
const databasePath = join(TMP_DIR, `scorecard-size-${process.pid}.db`);
let party = '';
/** An assessment shown on the last page of the party's assessed list. */
let lastAssessment = 0;

const get = async (path: string) => {
  const response = await server.get(path, { headers: { cookie: 'unrelated=1' } });
  expect(response.status, path).toBe(200);
  return response.text();
};
const commitmentsOf = (html: string) => html.slice(html.indexOf('data-section="commitments"'), html.indexOf('data-section="timeline"'));

beforeAll(async () => {
  const path = databasePath;
  await generateScaleDatabase({ out: path, force: true, parties: 6, commitments: 400, years: 3, assessments: 12_000, seed: 17, end: '2026-10-31' });
  const client = createClient({ url: `file:${path}` });
  party = String((await client.execute('SELECT party_slug FROM current_assessments GROUP BY party_slug ORDER BY count(*) DESC, party_slug LIMIT 1')).rows[0]![0]);
  client.close();
  server = await startServer({ SEED_ON_START: 'false' }, path);
}, 240_000);
afterAll(async () => {
  await server?.stop();
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${databasePath}${suffix}`, { force: true });
});

describe('the largest scorecard', () => {
  it('has hundreds of assessed commitments, one page of them shown in full, within the budget in every language', async () => {
    for (const prefix of ['', '/th', '/id']) {
      const html = await get(`${prefix}/parties/${party}`);
      // The pager links every page of the list: more than five here.
      const pages = Math.max(...[...html.matchAll(/\?page=(\d+)#commitments"/g)].map((m) => Number(m[1])));
      expect(pages, prefix).toBeGreaterThan(5);
      expect(commitmentsOf(html).match(/<li class="commitment" id="commitment-/g)).toHaveLength(COMMITMENTS_PER_PAGE);
      expect(Buffer.byteLength(html), `${prefix}/parties/${party}`).toBeLessThan(PAGE_BUDGET);
      const last = await get(`${prefix}/parties/${party}?page=${pages}`);
      const ids = [...commitmentsOf(last).matchAll(/<div class="assessment" id="assessment-(\d+)"/g)].map((m) => Number(m[1]));
      expect(ids.length).toBeGreaterThan(0);
      lastAssessment = ids[ids.length - 1]!;
    }
  });

  it('opens the page that holds an entry linked as ?assessment=ID or ?commitment=CODE', async () => {
    const html = await get(`/th/parties/${party}?assessment=${lastAssessment}`);
    expect(commitmentsOf(html)).toContain(`id="assessment-${lastAssessment}"`);
    expect(html).toMatch(/<span aria-current="page">/);
    expect(commitmentsOf(await get(`/th/parties/${party}`))).not.toContain(`id="assessment-${lastAssessment}"`);
    const code = /<li class="commitment" id="commitment-([^"]+)"/.exec(commitmentsOf(html))![1]!;
    expect(commitmentsOf(await get(`/parties/${party}?commitment=${encodeURIComponent(code)}`))).toContain(`id="commitment-${code}"`);
    // An explicit page wins; an unknown id falls back to the first page.
    expect(commitmentsOf(await get(`/parties/${party}?page=1&assessment=${lastAssessment}`))).not.toContain(`id="assessment-${lastAssessment}"`);
    expect(await get(`/parties/${party}?assessment=999999999`)).toContain('data-section="commitments"');
  });
});
