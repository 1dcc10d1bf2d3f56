/**
 * Versions of the data, from which the public pages' ETags are made: a version changes
 * whenever what a page shows could change, and only then.
 *
 * The counters live in `data_versions` and are bumped by database triggers (migration 0004)
 * in the very transaction that publishes an assessment (`assessments` and `party:{slug}`) or
 * changes reference data (`world`), whichever process writes. Reading them is one indexed
 * query, flat in the size of the history. The page cache (page-cache.ts) reads the same
 * counters, so a browser's ETag and the server's cached page always agree.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';

/**
 * `world=N|assessments=M` (or `…|party:{slug}=M` for one party): the reference data's version
 * and the published assessments' version, of one party or (without `partySlug`) all.
 */
export async function getDataVersion(db: Database, partySlug?: string): Promise<string> {
  const published = partySlug === undefined ? 'assessments' : `party:${partySlug}`;
  const rows = await db.all<{ scope: string; version: number }>(
    sql`SELECT scope, version FROM data_versions WHERE scope IN ('world', ${published})`,
  );
  const version = new Map(rows.map((r) => [r.scope, Number(r.version)]));
  return `world=${version.get('world') ?? 0}|${published}=${version.get(published) ?? 0}`;
}
