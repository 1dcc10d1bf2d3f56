/**
 * Full-text search over the index of migration 0010 (db/schema/search.ts): per kind, the best
 * matches among the newest matching rows, with highlighted titles and snippets.
 *
 * Cost is bounded: each kind reads its matches by its rowid band, newest first, and stops after
 * SEARCH_SCAN_LIMIT rows; ranking (bm25), de-duplication across languages and the filters work
 * on those. Snippets are made for the shown rows only.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { SEARCH_KINDS, type SearchKind } from '../../../../db/schema/search';
import { MARK_CLOSE, MARK_OPEN, SEARCH_PAGE_SIZE, splitSnippet, toMatchExpression, type SnippetPart } from '../../../domain/search-query';

/** Matching rows read per kind at most (newest first), whatever the query. */
export const SEARCH_SCAN_LIMIT = 2000;

/** Pages of one kind a reader can ask for (the scan window holds no more). */
export const SEARCH_MAX_PAGE = SEARCH_SCAN_LIMIT / SEARCH_PAGE_SIZE;

const BAND_SHIFT = 2 ** 40;
const BANDS: Record<SearchKind, number> = { party: 1, instrument: 2, commitment: 3, assessment: 4, evidence: 5 };

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

async function searchKind(db: Database, kind: SearchKind, expression: string, options: SearchOptions, page: number): Promise<SearchGroup | null> {
  const low = BANDS[kind] * BAND_SHIFT;
  const high = (BANDS[kind] + 1) * BAND_SHIFT;
  const filters: SQL[] = [];
  if (options.party) filters.push(sql`d.party_slug = ${options.party}`);
  if (options.instrument) filters.push(sql`d.instrument_slug = ${options.instrument}`);
  const where = filters.length > 0 ? sql`WHERE ${sql.join(filters, sql` AND `)}` : sql``;
  const rows = await db.all<MatchRow>(sql`
    WITH m AS (
      SELECT rowid AS id, rank FROM search_fts
      WHERE search_fts MATCH ${expression} AND rowid > ${low} AND rowid < ${high}
      ORDER BY rowid DESC LIMIT ${SEARCH_SCAN_LIMIT}
    ), best AS (
      SELECT d.id, d.key, d.lang, d.party_slug, d.instrument_slug, m.rank,
        row_number() OVER (PARTITION BY d.key ORDER BY (d.lang = ${options.locale}) DESC, m.rank, d.id) AS n
      FROM m JOIN search_documents d ON d.id = m.id ${where}
    )
    SELECT id, key, lang, party_slug, instrument_slug,
      (SELECT count(*) FROM best WHERE n = 1) AS total, (SELECT count(*) FROM m) AS scanned
    FROM best WHERE n = 1 ORDER BY rank, id LIMIT ${SEARCH_PAGE_SIZE + 1} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}`);
  if (rows.length === 0) return null;
  const shown = rows.slice(0, SEARCH_PAGE_SIZE);
  // Trigram tokens are characters: 64 (FTS5's most) gives a snippet of about 64 characters.
  const marked = await db.all<{ id: number; title: string; snippet: string }>(sql`
    SELECT rowid AS id, highlight(search_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS title,
      snippet(search_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 64) AS snippet
    FROM search_fts WHERE search_fts MATCH ${expression} AND rowid IN (${sql.join(
      shown.map((r) => sql`${r.id}`),
      sql`, `,
    )})`);
  const markedBy = new Map(marked.map((m) => [Number(m.id), m]));
  const about = kind === 'assessment' || kind === 'evidence' ? await readAbout(db, kind, shown.map((r) => r.key)) : new Map<string, AboutRow>();
  const hits = shown.map((row): SearchHit => {
    const text = markedBy.get(Number(row.id));
    const context = about.get(row.key) ?? null;
    return {
      kind,
      key: row.key,
      lang: row.lang,
      title: splitSnippet(text?.title ?? ''),
      snippet: splitSnippet(text?.snippet ?? ''),
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
    case 'assessment':
    case 'evidence':
      return about ? `/parties/${enc(about.party_slug)}#commitment-${enc(about.commitment_code)}` : '/parties';
  }
}
