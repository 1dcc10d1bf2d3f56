/**
 * Refilling the search index (migration 0010) from its views in one pass: after a bulk load
 * that ran without the search triggers (the scale-data generator), or to repair it.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { SEARCH_KINDS } from '../../../db/schema/search';

/** Empties `search_documents` (and so `search_fts`) and fills it again from every `search_source_<kind>` view. */
export async function rebuildSearchIndex(db: Pick<Database, 'run'>): Promise<void> {
  await db.run(sql`DELETE FROM search_documents`);
  await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('delete-all')`);
  for (const kind of SEARCH_KINDS) {
    await db.run(
      sql.raw(`INSERT INTO search_documents (id, kind, key, lang, party_slug, instrument_slug, title, body)
        SELECT (k.band << 40) + row_number() OVER (ORDER BY s.key, s.lang), s.kind, s.key, s.lang, s.party_slug, s.instrument_slug, s.title, s.body
        FROM search_source_${kind} s JOIN search_kinds k ON k.kind = s.kind`),
    );
  }
  await db.run(sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`);
}
