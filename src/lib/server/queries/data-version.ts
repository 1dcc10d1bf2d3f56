/**
 * Versions of the data, from which the public pages' ETags and the page cache's stamps are
 * made: a version changes whenever what a page shows could change, and only then.
 *
 * The counters live in `data_versions` and are bumped by database triggers (migration 0004)
 * in the very transaction that publishes an assessment (`assessments`, `party:{slug}`,
 * `instrument:{slug}`, `theme:{theme}`) or changes reference data (`world`), whichever process
 * writes. Reading them is one indexed query, flat in the size of the history.
 */
import type { Database } from '../../../../db/client';

/**
 * `world=N|party:tha=M`: the current counters of `scopes`, in their order (a missing counter
 * reads 0). Every public page served from the cache runs this once, so it goes to the driver
 * directly: the query builder would double its cost.
 */
export async function readDataVersions(db: Database, scopes: readonly string[]): Promise<string> {
  const placeholders = scopes.map(() => '?').join(',');
  const { rows } = await db.$client.execute({ sql: `SELECT scope, version FROM data_versions WHERE scope IN (${placeholders})`, args: [...scopes] });
  const version = new Map(rows.map((row) => [String(row.scope), Number(row.version)]));
  return scopes.map((scope) => `${scope}=${version.get(scope) ?? 0}`).join('|');
}
