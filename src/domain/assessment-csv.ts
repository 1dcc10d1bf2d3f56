/**
 * The assessment spreadsheet: the CSV file a party's staff export, edit in a spreadsheet and
 * import again (src/domain/csv-import.ts reads it back).
 *
 * Shape of the file (UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting):
 *  - one header row with the column names below, then one row per applicable commitment and
 *    assessor (`self_reported`, `independent`) of one party, in the instrument's order;
 *  - `assessment_id` and `version` name the assessment a row edits; both are empty on a row
 *    for which no assessment exists yet (fill in status, as_of, narrative and evidence to
 *    create one);
 *  - `state` and `commitment_title` are there to read; the importer ignores them;
 *  - evidence is written as numbered column groups, `evidence_1_url`, `evidence_1_title`,
 *    `evidence_1_publisher`, `evidence_1_date`, `evidence_1_grade`, then `evidence_2_…`, as
 *    many groups as the longest list in the file (at least {@link MIN_EVIDENCE_GROUPS}, at most
 *    {@link MAX_EVIDENCE_GROUPS}); a group left wholly empty is no evidence.
 *
 * Which assessment a row shows (the "current" one, {@link pickCurrent}): the working copy if
 * there is one (the latest draft or returned assessment), else the one in review (latest
 * submitted), else the latest published (latest `as_of`, then `published_at`, then id, the
 * public rule). Editing a published row creates a new draft that, once reviewed and
 * published, supersedes it.
 *
 * Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) get a leading apostrophe, as in the open-data CSV; so does text that
 * already starts with an apostrophe, so that the importer can take exactly one apostrophe
 * off any cell that starts with one followed by one of those characters ({@link decodeCell}),
 * and a round trip gives back the very text that was exported.
 */
import { BOM, csvCell, FORMULA_START, type CsvValue } from '../lib/api/csv';
import type { Assessor, EvidenceGrade, PublicationState, Status } from './vocabulary';

/** Evidence groups written even when no row has that many pieces, so that one can be added in the spreadsheet. */
export const MIN_EVIDENCE_GROUPS = 2;
/** The most evidence one assessment may carry (as the shared input schema says). */
export const MAX_EVIDENCE_GROUPS = 20;

/** The fields of one evidence group, in column order. */
export const EVIDENCE_FIELDS = ['url', 'title', 'publisher', 'date', 'grade'] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** Columns before the evidence groups, in order. */
export const BASE_COLUMNS = [
  'assessment_id',
  'version',
  'state',
  'party',
  'commitment',
  'commitment_title',
  'assessor',
  'status',
  'as_of',
  'narrative',
  'narrative_th',
] as const;
export type BaseColumn = (typeof BASE_COLUMNS)[number];

/** Columns the importer must find. */
export const REQUIRED_COLUMNS: readonly BaseColumn[] = ['party', 'commitment', 'assessor', 'status', 'as_of', 'narrative'];
/** Columns written for people to read and ignored by the importer. */
export const READ_ONLY_COLUMNS: readonly BaseColumn[] = ['state', 'commitment_title'];

/** The column name of one field of the `n`th (1-based) evidence group. */
export function evidenceColumn(n: number, field: EvidenceField): string {
  return `evidence_${n}_${field}`;
}

/** A piece of evidence as stored. */
export interface StoredEvidence {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  grade: EvidenceGrade;
}

/** An assessment as the spreadsheet shows it and the importer compares against. */
export interface CurrentAssessment {
  id: number;
  version: number;
  state: PublicationState;
  partySlug: string;
  commitmentCode: string;
  assessor: Assessor;
  status: Status;
  asOf: string;
  narrativeEn: string;
  narrativeTh: string | null;
  evidence: StoredEvidence[];
}

/** The fields {@link pickCurrent} needs of each assessment. */
export interface AssessmentHead {
  id: number;
  state: PublicationState;
  asOf: string;
  publishedAt: string | null;
}

const WORKING: readonly PublicationState[] = ['draft', 'returned'];

/** Of one party's assessments for one commitment and assessor, the one the spreadsheet shows and an import edits. */
export function pickCurrent<T extends AssessmentHead>(rows: readonly T[]): T | null {
  let working: T | null = null;
  let submitted: T | null = null;
  let published: T | null = null;
  for (const row of rows) {
    if (WORKING.includes(row.state)) {
      if (!working || row.id > working.id) working = row;
    } else if (row.state === 'submitted') {
      if (!submitted || row.id > submitted.id) submitted = row;
    } else if (row.state === 'published') {
      if (!published || laterPublished(row, published)) published = row;
    }
  }
  return working ?? submitted ?? published;
}

function laterPublished(a: AssessmentHead, b: AssessmentHead): boolean {
  if (a.asOf !== b.asOf) return a.asOf > b.asOf;
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  if (pa !== pb) return pa > pb;
  return a.id > b.id;
}

/** The key of a row: party, commitment and assessor. */
export function assessmentKey(partySlug: string, commitmentCode: string, assessor: string): string {
  return `${partySlug}|${commitmentCode}|${assessor}`;
}


/** A text cell as written: apostrophe-prefixed when a spreadsheet would run it (or it starts with an apostrophe), then quoted as RFC 4180 asks. */
export function encodeCell(value: CsvValue): string {
  if (typeof value === 'string' && value.startsWith("'")) return csvCell(`'${value}`);
  return csvCell(value);
}

/** The text a cell stood for: one leading apostrophe removed when {@link encodeCell} could have put it there. */
export function decodeCell(cell: string): string {
  // The apostrophe csvCell puts before a formula's first character, or encodeCell before an apostrophe.
  const rest = cell.slice(1);
  return cell[0] === "'" && (FORMULA_START.test(rest) || rest.startsWith("'")) ? rest : cell;
}

/** One commitment of a party's spreadsheet. */
export interface ExportCommitment {
  code: string;
  titleEn: string;
}

/** The header for a file with `groups` evidence groups. */
export function exportHeader(groups: number): string[] {
  const header: string[] = [...BASE_COLUMNS];
  for (let n = 1; n <= groups; n++) for (const field of EVIDENCE_FIELDS) header.push(evidenceColumn(n, field));
  return header;
}

/**
 * A party's spreadsheet: one row per commitment and assessor, showing the current
 * assessment (`current` keyed by {@link assessmentKey}) or an empty row to fill in.
 */
export function buildAssessmentCsv(
  partySlug: string,
  commitmentList: readonly ExportCommitment[],
  assessors: readonly Assessor[],
  current: ReadonlyMap<string, CurrentAssessment>,
): string {
  let groups = MIN_EVIDENCE_GROUPS;
  for (const a of current.values()) groups = Math.max(groups, a.evidence.length);
  groups = Math.min(groups, MAX_EVIDENCE_GROUPS);
  const rows: CsvValue[][] = [];
  for (const commitment of commitmentList) {
    for (const assessor of assessors) {
      const a = current.get(assessmentKey(partySlug, commitment.code, assessor));
      const row: CsvValue[] = [
        a?.id ?? null,
        a?.version ?? null,
        a?.state ?? null,
        partySlug.toUpperCase(),
        commitment.code,
        commitment.titleEn,
        assessor,
        a?.status ?? null,
        a?.asOf ?? null,
        a?.narrativeEn ?? null,
        a?.narrativeTh ?? null,
      ];
      for (let n = 0; n < groups; n++) {
        const e = a?.evidence[n];
        row.push(e?.url ?? null, e?.title ?? null, e?.publisher ?? null, e?.publishedOn ?? null, e?.grade ?? null);
      }
      rows.push(row);
    }
  }
  return toCsvWith(exportHeader(groups), rows);
}

/** Like the open-data `toCsv` (BOM, CRLF), but every cell through {@link encodeCell}, so that it decodes back to its text. */
function toCsvWith(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(encodeCell).join(','), ...rows.map((row) => row.map(encodeCell).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
