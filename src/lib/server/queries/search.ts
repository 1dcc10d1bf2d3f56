/**
 * Full-text search over the index of migration 0010 (db/schema/search.ts), per kind, with
 * highlighted titles and snippets (marked here, for the shown rows only).
 *
 * Cost is bounded: assessments and evidence are read from the FTS5 index by their kind's rowid
 * band, newest first, stopping after SEARCH_SCAN_LIMIT rows; the small reference kinds are read
 * whole by substring. Order: things whose title holds more of the terms first, then newest.
 * No bm25: FTS5 computes its weights over every row that matches, which for a common word at
 * the 1M-assessment scale costs seconds (measured: tests/bench/search.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { SEARCH_KINDS, type SearchKind } from '../../../../db/schema/search';
import { markTerms, SEARCH_PAGE_SIZE, toMatchExpression, type SnippetPart } from '../../../domain/search-query';

/** Matching rows read per kind at most (newest first), whatever the query. */
export const SEARCH_SCAN_LIMIT = 2000;

/** Pages of one kind a reader can ask for (the scan window holds no more). */
export const SEARCH_MAX_PAGE = SEARCH_SCAN_LIMIT / SEARCH_PAGE_SIZE;

const BAND_SHIFT = 2 ** 40;
const BANDS: Record<SearchKind, number> = { party: 1, instrument: 2, commitment: 3, assessment: 4, evidence: 5, measure: 6 };

export interface SearchOptions {
  terms: readonly string[];
  /** The kinds to search; every kind when empty. */
  kinds?: readonly SearchKind[];
  party?: string | null;
  instrument?: string | null;
  /** The reader's language: when a thing matches in several, its row in this one is shown. */
  locale: string;
  /** 1-based page of each kind's results. */
  page?: number;
}

/** One thing found. `path` has no language prefix. */
export interface SearchHit {
  kind: SearchKind;
  key: string;
  /** The language of the text that matched ('' for text in no one language). */
  lang: string;
  title: SnippetPart[];
  snippet: SnippetPart[];
  path: string;
  partySlug: string | null;
  instrumentSlug: string | null;
  /** Evidence: the source's address. */
  url: string | null;
  /** Assessments and evidence: the party, commitment, status and date they are about. */
  about: { partySlug: string; partyNameEn: string; partyNameTh: string; commitmentCode: string; commitmentTitleEn: string; commitmentTitleTh: string; status: string; asOf: string } | null;
}

export interface SearchGroup {
  kind: SearchKind;
  hits: SearchHit[];
  /** Matches (distinct things) within the scanned window. */
  total: number;
  /** Whether a further page exists. */
  hasMore: boolean;
  /** Whether the scan stopped at its limit (older matches were not looked at). */
  capped: boolean;
}

interface MatchRow {
  id: number;
  key: string;
  lang: string;
  party_slug: string | null;
  instrument_slug: string | null;
  total: number;
  scanned: number;
}

/** Searches each asked-for kind; kinds without matches are left out. */
export async function searchSite(db: Database, options: SearchOptions): Promise<SearchGroup[]> {
  const expression = toMatchExpression(options.terms);
  if (!expression) return [];
  const kinds = options.kinds && options.kinds.length > 0 ? SEARCH_KINDS.filter((k) => options.kinds!.includes(k)) : SEARCH_KINDS;
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), SEARCH_MAX_PAGE);
  const groups: SearchGroup[] = [];
  for (const kind of kinds) {
    const group = await searchKind(db, kind, expression, options, page);
    if (group) groups.push(group);
  }
  return groups;
}

/** Kinds with few rows (reference data): read whole, by substring, title matches first. */
const SMALL_KINDS: readonly SearchKind[] = ['party', 'instrument', 'commitment', 'measure'];

/** Characters of body text shown around the first match. */
const SNIPPET_CHARS = 160;

interface DocumentRow extends MatchRow {
  title: string;
  body: string;
}

async function searchKind(db: Database, kind: SearchKind, expression: string, options: SearchOptions, page: number): Promise<SearchGroup | null> {
  const filters: SQL[] = [];
  if (options.party) filters.push(sql`d.party_slug = ${options.party}`);
  if (options.instrument) filters.push(sql`d.instrument_slug = ${options.instrument}`);
  const filtered = filters.length > 0 ? sql` AND ${sql.join(filters, sql` AND `)}` : sql``;
  const titleHits = sql.join(
    options.terms.map((term) => sql`(instr(lower(d.title), lower(${term})) > 0)`),
    sql` + `,
  );
  let candidates: SQL;
  if (SMALL_KINDS.includes(kind)) {
    // A few hundred rows: a substring test on each is cheaper than the full-text index, whose
    // doclists for a common word span every assessment.
    const every = sql.join(
      options.terms.map((term) => sql`instr(lower(d.title || ' ' || d.body), lower(${term})) > 0`),
      sql` AND `,
    );
    candidates = sql`SELECT d.id FROM search_documents d WHERE d.kind = ${kind} AND ${every} LIMIT ${SEARCH_SCAN_LIMIT}`;
  } else {
    // Newest first by rowid within the kind's band, stopping after the scan limit.
    const low = BANDS[kind] * BAND_SHIFT;
    const high = (BANDS[kind] + 1) * BAND_SHIFT;
    candidates = sql`SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ${expression} AND rowid > ${low} AND rowid < ${high} ORDER BY rowid DESC LIMIT ${SEARCH_SCAN_LIMIT}`;
  }
  const rows = await db.all<DocumentRow>(sql`
    WITH m AS (${candidates}),
    best AS (
      SELECT d.id, d.key, d.lang, d.party_slug, d.instrument_slug, d.title, d.body, (${titleHits}) AS title_hits,
        row_number() OVER (PARTITION BY d.key ORDER BY (d.lang = ${options.locale}) DESC, (${titleHits}) DESC, d.id) AS n
      FROM m JOIN search_documents d ON d.id = m.id WHERE 1 = 1${filtered}
    )
    SELECT id, key, lang, party_slug, instrument_slug, title, body,
      (SELECT count(*) FROM best WHERE n = 1) AS total, (SELECT count(*) FROM m) AS scanned
    FROM best WHERE n = 1 ORDER BY title_hits DESC, id DESC LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, SEARCH_PAGE_SIZE);
  const about = kind === 'assessment' || kind === 'evidence' ? await readAbout(db, kind, shown.map((r) => r.key)) : new Map<string, AboutRow>();
  const hits = shown.map((row): SearchHit => {
    const context = about.get(row.key) ?? null;
    return {
      kind,
      key: row.key,
      lang: row.lang,
      title: markTerms(row.title, options.terms),
      snippet: markTerms(row.body, options.terms, SNIPPET_CHARS),
      path: pathOf(kind, row, context),
      partySlug: row.party_slug,
      instrumentSlug: row.instrument_slug,
      url: context?.url ?? null,
      about: context
        ? {
            partySlug: context.party_slug,
            partyNameEn: context.name_en,
            partyNameTh: context.name_th,
            commitmentCode: context.commitment_code,
            commitmentTitleEn: context.title_en,
            commitmentTitleTh: context.title_th,
            status: context.status,
            asOf: context.as_of,
          }
        : null,
    };
  });
  const first = rows[0]!;
  return { kind, hits, total: Number(first.total), hasMore: rows.length > SEARCH_PAGE_SIZE, capped: Number(first.scanned) >= SEARCH_SCAN_LIMIT };
}

interface AboutRow {
  key: string;
  assessment_id: number;
  party_slug: string;
  name_en: string;
  name_th: string;
  commitment_code: string;
  title_en: string;
  title_th: string;
  status: string;
  as_of: string;
  url: string | null;
}

/** The party, commitment and status behind assessments or evidence rows (by key). */
async function readAbout(db: Database, kind: 'assessment' | 'evidence', keys: string[]): Promise<Map<string, AboutRow>> {
  const ids = sql.join(
    keys.map((k) => sql`${Number(k)}`),
    sql`, `,
  );
  const rows =
    kind === 'assessment'
      ? await db.all<AboutRow>(sql`
          SELECT CAST(a.id AS text) AS key, a.id AS assessment_id, a.party_slug, p.name_en, p.name_th, a.commitment_code, c.title_en, c.title_th, a.status, a.as_of, NULL AS url
          FROM assessments a JOIN parties p ON p.slug = a.party_slug JOIN commitments c ON c.code = a.commitment_code
          WHERE a.id IN (${ids})`)
      : await db.all<AboutRow>(sql`
          SELECT CAST(e.id AS text) AS key, a.id AS assessment_id, a.party_slug, p.name_en, p.name_th, a.commitment_code, c.title_en, c.title_th, a.status, a.as_of, e.url
          FROM evidence e JOIN assessments a ON a.id = e.assessment_id JOIN parties p ON p.slug = a.party_slug JOIN commitments c ON c.code = a.commitment_code
          WHERE e.id IN (${ids})`);
  return new Map(rows.map((r) => [r.key, r]));
}

/** Where a hit is shown on the site (without a language prefix). */
function pathOf(kind: SearchKind, row: MatchRow, about: AboutRow | null): string {
  const enc = encodeURIComponent;
  switch (kind) {
    case 'party':
      return `/parties/${enc(row.key)}`;
    case 'instrument':
      return `/instruments/${enc(row.key)}`;
    case 'commitment':
      return `/instruments/${enc(row.instrument_slug ?? '')}#commitment-${enc(row.key)}`;
    case 'measure':
      return `/measures/${enc(row.key)}`;
    case 'assessment':
    case 'evidence':
      return about ? `/parties/${enc(about.party_slug)}?commitment=${enc(about.commitment_code)}#commitment-${enc(about.commitment_code)}` : '/parties';
  }
}
