import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createClient, type Client } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../db/content';
import * as schema from '../../db/schema';
import { checkDerivedData } from '../../src/lib/server/derived-data';
import { generateScaleDatabase, GenerateError, SYNTHETIC_PUBLISHER, type GenerateOptions, type GenerateReport } from '../../db/generate/scale-data';
import { TMP_DIR } from '../helpers/paths';

const SMALL = { parties: 120, commitments: 80, years: 2, assessments: 5000, seed: 7, end: '2026-10-31' } satisfies Omit<GenerateOptions, 'out'>;

/** A checksum over the aggregates a benchmark depends on, and over every synthetic row's key facts. */
async function checksum(client: Client): Promise<string> {
  const queries = [
    'SELECT count(*), sum(length(narrative_en)) FROM assessments',
    'SELECT state, status, assessor, count(*) FROM assessments GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
    'SELECT party_slug, count(*), min(as_of), max(as_of) FROM assessments GROUP BY 1 ORDER BY 1',
    'SELECT party_slug, instrument_slug, action, acted_on FROM participations ORDER BY 1, 2, 3',
    'SELECT code, instrument_slug, theme, applicability, pledge_party_slug, due_on FROM commitments ORDER BY 1',
    'SELECT id, party_slug, commitment_code, status, state, as_of, published_at FROM assessments ORDER BY id',
    'SELECT assessment_id, url, grade, published_on FROM evidence ORDER BY id',
  ];
  const hash = createHash('sha256');
  for (const query of queries) hash.update(JSON.stringify((await client.execute(query)).rows.map((row) => Object.values(row))));
  return hash.digest('hex');
}

const one = async (client: Client, query: string) => Number(Object.values((await client.execute(query)).rows[0]!)[0]);

describe('scale-data generator', () => {
  const content = loadContent();
  const seedAssessments = content.assessments.length;
  const seedEvidence = content.assessments.reduce((n, a) => n + a.evidence.length, 0);
  const paths = { a: join(TMP_DIR, 'generate-a.db'), b: join(TMP_DIR, 'generate-b.db'), other: join(TMP_DIR, 'generate-other-seed.db') };
  let report: GenerateReport;
  let client: Client;

  beforeAll(async () => {
    report = await generateScaleDatabase({ ...SMALL, out: paths.a, force: true });
    client = createClient({ url: `file:${paths.a}` });
  });
  afterAll(() => client?.close());

  it('adds exactly what was asked for, on top of the real seed', async () => {
    expect(report.activeParties).toBe(SMALL.parties);
    expect(await one(client, 'SELECT count(*) FROM parties')).toBe(Math.max(SMALL.parties, content.parties.length));
    expect(await one(client, 'SELECT count(*) FROM commitments')).toBe(SMALL.commitments);
    expect(report.commitmentsAdded).toBeGreaterThan(0);
    expect(await one(client, 'SELECT count(*) FROM assessments')).toBe(seedAssessments + SMALL.assessments);
    expect(await one(client, 'SELECT count(*) FROM assessments WHERE seed_key IS NULL')).toBe(SMALL.assessments);
    expect(await one(client, 'SELECT count(*) FROM evidence')).toBe(seedEvidence + SMALL.assessments);
    // Synthetic data spreads over the active parties and every theme.
    expect(await one(client, 'SELECT count(DISTINCT party_slug) FROM assessments WHERE seed_key IS NULL')).toBeGreaterThan(SMALL.parties * 0.8);
    expect(await one(client, 'SELECT count(DISTINCT theme) FROM commitments')).toBe(9);
  });

  it('gives every assessment evidence and keeps the database sound', async () => {
    // (A seeded assessment may rest on cited measures alone.)
    expect(await one(client, 'SELECT count(*) FROM assessments a WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.assessment_id = a.id) AND NOT EXISTS (SELECT 1 FROM assessment_measures m WHERE m.assessment_id = a.id)')).toBe(0);
    expect((await client.execute('PRAGMA integrity_check')).rows[0]![0]).toBe('ok');
    expect((await client.execute('PRAGMA foreign_key_check')).rows).toHaveLength(0);
    expect((await client.execute('PRAGMA journal_mode')).rows[0]![0]).toBe('wal');
    // The same indexes as a migrated database, none missing after the bulk load.
    const indexes = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('assessments', 'evidence') ORDER BY name")).rows.map((r) => r.name);
    expect(indexes).toEqual(
      expect.arrayContaining(['assessments_party_latest_idx', 'assessments_commitment_latest_idx', 'assessments_party_timeline_idx', 'assessments_published_at_idx', 'evidence_assessment_idx']),
    );
    // The triggers that keep the derived tables are back, and those tables match the history.
    const triggers = (await client.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'assessments' ORDER BY name")).rows.map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(['assessments_published_insert', 'assessments_published_update']));
    const check = await checkDerivedData(drizzle({ client, schema }));
    expect(check.problems).toEqual([]);
    expect(check.checked.partiesMissingScores).toBe(0);
    expect(check.checked.publishedAssessments).toBeGreaterThan(0);
  });

  it('makes realistic, clearly marked rows', async () => {
    const states = Object.fromEntries((await client.execute('SELECT state, count(*) AS n FROM assessments WHERE seed_key IS NULL GROUP BY state')).rows.map((r) => [r.state, Number(r.n)]));
    expect(Object.keys(states).sort()).toEqual(['draft', 'published', 'returned', 'submitted']);
    expect(states.published! / SMALL.assessments).toBeGreaterThan(0.85);
    expect(await one(client, "SELECT count(*) FROM assessments WHERE state = 'published' AND (published_at IS NULL OR substr(published_at, 1, 10) < as_of)")).toBe(0);
    expect(await one(client, "SELECT count(*) FROM assessments WHERE seed_key IS NULL AND (as_of < '2024-10-31' OR as_of > '2026-10-31')")).toBe(0);
    expect(await one(client, "SELECT count(*) FROM assessments WHERE seed_key IS NULL AND (confidence <> 'inferred' OR narrative_en NOT LIKE '%Synthetic benchmark data%')")).toBe(0);
    expect(await one(client, `SELECT count(*) FROM evidence e JOIN assessments a ON a.id = e.assessment_id WHERE a.seed_key IS NULL AND e.publisher <> '${SYNTHETIC_PUBLISHER}'`)).toBe(0);
    expect(await one(client, `SELECT count(*) FROM parties WHERE source_publisher = '${SYNTHETIC_PUBLISHER}' AND confidence = 'inferred'`)).toBe(report.partiesAdded);
    expect(await one(client, 'SELECT count(DISTINCT assessor) FROM assessments WHERE seed_key IS NULL')).toBe(2);
    expect(await one(client, 'SELECT count(DISTINCT status) FROM assessments WHERE seed_key IS NULL')).toBe(6);
    // Ids grow with creation time, as in a live database.
    expect(await one(client, 'SELECT count(*) FROM assessments a JOIN assessments b ON b.id = a.id + 1 WHERE a.seed_key IS NULL AND b.created_at < a.created_at')).toBe(0);
    // A new state is added by its ISO code, with a Thai name that repeats the English one.
    const added = (await client.execute(`SELECT slug, iso3, name_en, name_th, note FROM parties WHERE kind = 'state' AND source_publisher = '${SYNTHETIC_PUBLISHER}' LIMIT 1`)).rows[0]!;
    expect(added.slug).toBe(String(added.iso3).toLowerCase());
    expect(added.name_th).toBe(added.name_en);
    expect(String(added.note)).toMatch(/synthetic/i);
  });

  it('is deterministic: the same seed gives the same data, another seed other data', async () => {
    await generateScaleDatabase({ ...SMALL, out: paths.b, force: true });
    await generateScaleDatabase({ ...SMALL, seed: SMALL.seed + 1, out: paths.other, force: true });
    const [b, other] = [createClient({ url: `file:${paths.b}` }), createClient({ url: `file:${paths.other}` })];
    try {
      const sum = await checksum(client);
      expect(await checksum(b)).toBe(sum);
      expect(await checksum(other)).not.toBe(sum);
    } finally {
      b.close();
      other.close();
    }
  });

  it('refuses to overwrite a file unless forced, in the API and on the command line', async () => {
    const existing = join(TMP_DIR, 'generate-existing.db');
    writeFileSync(existing, 'not a database');
    await expect(generateScaleDatabase({ ...SMALL, out: existing })).rejects.toThrow(GenerateError);
    const cli = promisify(execFile)(process.execPath, ['--import', 'tsx', 'db/generate-cli.ts', '--out', existing, '--assessments', '10']);
    await expect(cli).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('--force') });
    await expect(generateScaleDatabase({ ...SMALL, assessments: -1, out: join(TMP_DIR, 'generate-bad.db') })).rejects.toThrow(/--assessments/);
  });
});
