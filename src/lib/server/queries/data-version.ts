/**
 * Versions of the published data, from which the public pages' ETags are made: a version
 * changes whenever what a page shows could change, and only then.
 *
 * Published assessments are never changed or deleted (database triggers refuse it), so the
 * count of published rows, with the latest publication time, changes exactly when one is
 * published. Reference data (parties, instruments, commitments, indicators, conferences) only
 * changes when the seed loads new content, which happens when a server starts: its digest is
 * taken once per process.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';

/** `count:latest` of the published assessments, of one party or (without `partySlug`) all. */
export async function getPublishedVersion(db: Database, partySlug?: string): Promise<string> {
  const scope = partySlug === undefined ? sql`` : sql` AND party_slug = ${partySlug}`;
  const [row] = await db.all<{ n: number; latest: string | null }>(
    sql`SELECT count(*) AS n, max(published_at) AS latest FROM assessments WHERE state = 'published'${scope}`,
  );
  return `${row?.n ?? 0}:${row?.latest ?? ''}`;
}

const REFERENCE_TABLES = [
  'parties',
  'instruments',
  'participations',
  'commitments',
  'conferences',
  'conference_participants',
  'conference_outcomes',
  'indicators',
  'indicator_values',
] as const;

let referenceDigest: Promise<string> | undefined;

/** SHA-256 over every reference table's rows, read once per process (the seed runs at start). */
export function getReferenceDigest(db: Database): Promise<string> {
  referenceDigest ??= (async () => {
    const hash = createHash('sha256');
    for (const table of REFERENCE_TABLES) {
      const rows = await db.all(sql.raw(`SELECT * FROM ${table} ORDER BY rowid`));
      hash.update(table).update(JSON.stringify(rows));
    }
    return hash.digest('base64url').slice(0, 16);
  })().catch((error) => {
    referenceDigest = undefined;
    throw error;
  });
  return referenceDigest;
}
