/**
 * Reading an assessment spreadsheet back (the format is described in assessment-csv.ts):
 * parse the file with csv-parse, check every row, and work out the changes an import would
 * make. Pure: the server loads an {@link ImportContext} from the database and applies the
 * {@link ImportPlan} in one transaction (src/lib/server/assessments/csv-import.ts).
 *
 * Row numbers are the spreadsheet's: the header is row 1, the first data row row 2, and a
 * cell with line breaks inside quotes stays one row. An import is all or nothing: a plan with
 * any error is never applied.
 */
import { parse } from 'csv-parse/sync';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { z } from 'zod';
import { assessmentInputSchema, type AssessmentInput } from './assessment-input';
import {
  BASE_COLUMNS,
  EVIDENCE_FIELDS,
  MAX_EVIDENCE_GROUPS,
  READ_ONLY_COLUMNS,
  REQUIRED_COLUMNS,
  assessmentKey,
  decodeCell,
  evidenceColumn,
  type AssessmentHead,
  type CurrentAssessment,
  type EvidenceField,
} from './assessment-csv';
import { describeIssue } from '../i18n/form-messages';
import type { Locale } from '../i18n/locales';
import { formText, type WorkspaceFormKey } from '../i18n/workspace-form-strings';
import { assessorsFor, type Actor } from './permissions';
import { ASSESSORS, STATUSES, type Assessor } from './vocabulary';

/** The most data rows one file may hold. */
export const MAX_IMPORT_ROWS = 25_000;
/** The longest cell accepted before any other check (the input schema's own limits are lower). */
export const MAX_CELL_LENGTH = 10_000;
/** Errors kept in a report; the count says how many there were in all. */
export const MAX_REPORTED_ERRORS = 1_000;

/** One problem, at a row (1 is the header; 0 the file as a whole) and a column when one is at fault. */
export interface RowError {
  row: number;
  column: string | null;
  message: string;
}

/** A data row as parsed: its spreadsheet row number and its decoded cells by column name. */
export interface ParsedRow {
  row: number;
  cells: ReadonlyMap<string, string>;
  /** How many cells the row has beyond the header's columns. */
  extraCells: number;
}

/** A parsed file: its rows, or the errors that stop it being read at all. */
export interface ParsedFile {
  columns: string[];
  evidenceGroups: number;
  rows: ParsedRow[];
  errors: RowError[];
}

const KNOWN_COLUMNS: ReadonlySet<string> = new Set<string>([
  ...BASE_COLUMNS,
  ...Array.from({ length: MAX_EVIDENCE_GROUPS }, (_, i) => EVIDENCE_FIELDS.map((f) => evidenceColumn(i + 1, f))).flat(),
]);
const EVIDENCE_COLUMN = /^evidence_(\d+)_(url|title|publisher|date|grade)$/;

const fileError = (message: string, row = 0, column: string | null = null): ParsedFile => ({ columns: [], evidenceGroups: 0, rows: [], errors: [{ row, column, message }] });

/** Decodes uploaded bytes as UTF-8 (a byte-order mark is dropped); null when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Parses a spreadsheet's text into rows of decoded cells, or says why it cannot be read. */
export function parseImportCsv(text: string, locale: Locale = 'en'): ParsedFile {
  const say = (key: WorkspaceFormKey, values: Record<string, string | number> = {}) => formText(locale, key, values);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) return fileError(say('csv.nul'));
  if (text.trim() === '') return fileError(say('csv.empty'));
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false, max_record_size: MAX_CELL_LENGTH * 40, to: MAX_IMPORT_ROWS + 2 }) as string[][];
  } catch (error) {
    const e = error as { message?: string; lines?: number; records?: number };
    const where = typeof e.records === 'number' ? e.records + 1 : 0;
    const reason = (e.message ?? String(error)).replace(/^Invalid Record Length: /, '').split('\n')[0]!.slice(0, 200);
    return fileError(say('csv.unreadable', { row: where, reason }), where);
  }
  if (records.length === 0) return fileError(say('csv.empty'));
  if (records.length > MAX_IMPORT_ROWS + 1) return fileError(say('csv.tooManyRows', { max: MAX_IMPORT_ROWS }));

  const header = records[0]!.map((name) => name.trim().toLowerCase());
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let evidenceGroups = 0;
  header.forEach((name, i) => {
    if (name === '') {
      errors.push({ row: 1, column: null, message: say('csv.noName', { n: i + 1 }) });
      return;
    }
    if (seen.has(name)) errors.push({ row: 1, column: name, message: say('csv.twice', { name: clip(name) }) });
    seen.set(name, i);
    const evidence = EVIDENCE_COLUMN.exec(name);
    if (evidence && Number(evidence[1]) > MAX_EVIDENCE_GROUPS) {
      errors.push({ row: 1, column: name, message: say('csv.tooMuchEvidence', { max: MAX_EVIDENCE_GROUPS }) });
    } else if (evidence) {
      evidenceGroups = Math.max(evidenceGroups, Number(evidence[1]));
    } else if (!KNOWN_COLUMNS.has(name)) {
      const hint = header.length === 1 && /[;\t]/.test(name) ? say('csv.separatorHint') : '';
      errors.push({ row: 1, column: clip(name), message: `${say('csv.unknownColumn', { name: clip(name) })}${hint}` });
    }
  });
  for (const required of REQUIRED_COLUMNS) {
    if (!seen.has(required)) errors.push({ row: 1, column: required, message: say('csv.missingColumn', { name: required }) });
  }
  if (errors.length) return { columns: header, evidenceGroups, rows: [], errors };

  const rows: ParsedRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const cells = new Map<string, string>();
    header.forEach((name, i) => cells.set(name, decodeCell(record[i] ?? '')));
    const extra = record.slice(header.length).filter((cell) => cell.trim() !== '').length;
    rows.push({ row: r + 1, cells, extraCells: extra });
  }
  return { columns: header, evidenceGroups, rows, errors: [] };
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Party codes named in the file's rows (lower case), for loading the context. */
export function partiesOf(file: ParsedFile): string[] {
  const codes = new Set<string>();
  for (const row of file.rows) {
    const code = (row.cells.get('party') ?? '').trim().toLowerCase();
    if (code && code.length <= 40) codes.add(code);
  }
  return [...codes].sort();
}

/** A commitment as the importer needs it: to whom it applies. */
export interface ImportCommitment {
  code: string;
  instrumentSlug: string;
  applicability: 'all_parties' | 'party_pledge';
  pledgePartySlug: string | null;
}

/** What the importer needs to know of the database, for the parties named in the file. */
export interface ImportContext {
  actor: Actor;
  /** Party slugs that exist (of those named in the file). */
  parties: ReadonlySet<string>;
  commitments: ReadonlyMap<string, ImportCommitment>;
  /** For each party, the instruments it joined. */
  joined: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every assessment of those parties, by id, with its key fields. */
  assessments: ReadonlyMap<number, AssessmentHead & { partySlug: string; commitmentCode: string; assessor: Assessor; version: number }>;
  /** The current assessment per key (see `pickCurrent`), with its content. */
  current: ReadonlyMap<string, CurrentAssessment>;
}

export type ChangeKind = 'create' | 'update' | 'supersede';

/** One write an import makes. */
export interface PlannedChange {
  row: number;
  kind: ChangeKind;
  /** The assessment edited (update) or superseded; null for a new one. */
  targetId: number | null;
  targetVersion: number | null;
  /** The row's input; a CSV row always names its assessor. */
  input: AssessmentInput & { assessor: Assessor };
  /** Which of status, as_of, narrative, narrative_th and evidence differ from the current assessment. */
  changed: string[];
}

/** What an import would do, or why it cannot. */
export interface ImportPlan {
  /** Data rows that were not blank. */
  rows: number;
  unchanged: number;
  /** Rows without an assessment that were left empty. */
  empty: number;
  changes: PlannedChange[];
  errors: RowError[];
  /** How many errors there were in all (only the first {@link MAX_REPORTED_ERRORS} are kept). */
  errorCount: number;
  /** Rows refused because their party is outside the actor's scope, by party code. */
  outOfScope: string[];
  /** SHA-256 over the file's text and the planned changes: what a preview promised. */
  digest: string;
}

const CONTENT_COLUMNS = ['status', 'as_of', 'narrative', 'narrative_th'] as const;

/** Text as compared: line ends as LF, surrounding space trimmed. */
function norm(value: string | null | undefined): string {
  return (value ?? '').replace(/\r\n?/g, '\n').trim();
}

interface RowEvidence {
  group: number;
  values: Record<EvidenceField, string>;
}

/** Column names of each evidence group's fields, built once. */
const GROUP_COLUMNS = Array.from({ length: MAX_EVIDENCE_GROUPS + 1 }, (_, n) => EVIDENCE_FIELDS.map((f) => [f, evidenceColumn(n, f)] as const));

function readEvidence(row: ParsedRow, groups: number): RowEvidence[] {
  const list: RowEvidence[] = [];
  for (let n = 1; n <= groups; n++) {
    const values = {} as Record<EvidenceField, string>;
    let any = false;
    for (const [field, column] of GROUP_COLUMNS[n]!) {
      const value = row.cells.get(column) ?? '';
      values[field] = value;
      if (!any && value.trim() !== '') any = true;
    }
    if (any) list.push({ group: n, values });
  }
  return list;
}

/** Which content fields of a row differ from an assessment (empty when the row shows it unchanged). */
function differences(row: ParsedRow, evidence: RowEvidence[], current: CurrentAssessment): string[] {
  const out: string[] = [];
  const cell = (name: string) => row.cells.get(name) ?? '';
  if (norm(cell('status')) !== current.status) out.push('status');
  if (norm(cell('as_of')) !== current.asOf) out.push('as_of');
  if (norm(cell('narrative')) !== norm(current.narrativeEn)) out.push('narrative');
  if (norm(cell('narrative_th')) !== norm(current.narrativeTh)) out.push('narrative_th');
  const same =
    evidence.length === current.evidence.length &&
    evidence.every((e, i) => {
      const c = current.evidence[i]!;
      return norm(e.values.url) === norm(c.url) && norm(e.values.title) === norm(c.title) && norm(e.values.publisher) === norm(c.publisher) && norm(e.values.date) === norm(c.publishedOn) && norm(e.values.grade) === c.grade;
    });
  if (!same) out.push('evidence');
  return out;
}

/** The CSV column of an input-schema issue path. */
function columnOf(path: readonly PropertyKey[], evidence: RowEvidence[]): string {
  const [head, index, field] = path;
  switch (head) {
    case 'asOf':
      return 'as_of';
    case 'narrativeTh':
      return 'narrative_th';
    case 'evidence': {
      if (typeof index !== 'number') return evidenceColumn(1, 'url');
      const group = evidence[index]?.group ?? index + 1;
      return evidenceColumn(group, (typeof field === 'string' && (EVIDENCE_FIELDS as readonly string[]).includes(field) ? field : 'url') as EvidenceField);
    }
    default:
      return typeof head === 'string' ? head : 'narrative';
  }
}

/** The workspace form's name for an input-schema issue path (`evidence.0.date`), for its message. */
function formFieldOf(path: readonly PropertyKey[]): string {
  const [head, index, field] = path;
  if (head === 'evidence' && typeof index === 'number') return `evidence.${index}.${typeof field === 'string' ? field : 'url'}`;
  return typeof head === 'string' ? head : 'form';
}

const POSITIVE_INT = /^[1-9]\d{0,14}$/;

/**
 * Checks every row against the context and lists the changes. Never throws on bad input:
 * whatever is wrong is in `errors`, with its row and column; a cell's content problems in
 * the words of the workspace form, in `locale`.
 */
export function planImport(file: ParsedFile, text: string, context: ImportContext, locale: Locale = 'en'): ImportPlan {
  const say = (key: WorkspaceFormKey, values: Record<string, string | number> = {}) => formText(locale, key, values);
  const errors: RowError[] = [...file.errors];
  const changes: PlannedChange[] = [];
  const outOfScope = new Set<string>();
  let rows = 0;
  let unchanged = 0;
  let empty = 0;
  const keys = new Map<string, number>();
  const ids = new Map<number, number>();
  const isEditor = context.actor.roles.includes('editor');
  const isAnalyst = context.actor.roles.includes('analyst');
  const scope = new Set(context.actor.parties);

  for (const row of file.rows) {
    const cell = (name: string) => row.cells.get(name) ?? '';
    if ([...row.cells.values()].every((value) => value.trim() === '') && row.extraCells === 0) continue;
    rows += 1;
    const rowErrors: RowError[] = [];
    const fail = (column: string | null, message: string) => rowErrors.push({ row: row.row, column, message });
    const flush = () => errors.push(...rowErrors);

    if (row.extraCells > 0) fail(null, say('csv.extraCells', { n: row.extraCells }));
    for (const [name, value] of row.cells) {
      if (value.length > MAX_CELL_LENGTH) fail(name, say('csv.oversized', { length: value.length, max: MAX_CELL_LENGTH }));
    }
    if (rowErrors.length) {
      flush();
      continue;
    }

    // Which assessment the row is about.
    const idText = cell('assessment_id').trim();
    const versionText = cell('version').trim();
    let id: number | null = null;
    let version: number | null = null;
    if (idText !== '') {
      if (POSITIVE_INT.test(idText)) id = Number(idText);
      else fail('assessment_id', say('csv.notId', { value: clip(idText) }));
    }
    if (versionText !== '') {
      if (POSITIVE_INT.test(versionText)) version = Number(versionText);
      else fail('version', say('csv.notVersion', { value: clip(versionText) }));
    } else if (idText !== '') {
      fail('version', say('csv.noVersion'));
    }

    const party = cell('party').trim().toLowerCase();
    const commitment = cell('commitment').trim().toUpperCase();
    const assessorText = cell('assessor').trim();
    if (party === '') fail('party', say('csv.noParty'));
    else if (!context.parties.has(party)) fail('party', say('csv.unknownParty', { code: clip(party.toUpperCase()) }));
    else if (!isAnalyst && (!isEditor || !scope.has(party))) {
      fail('party', say('csv.outOfScope', { code: party.toUpperCase(), scope: isEditor && scope.size ? [...scope].map((p) => p.toUpperCase()).join(', ') : say('csv.noScope') }));
      outOfScope.add(party.toUpperCase());
      flush();
      continue;
    }
    const known = context.commitments.get(commitment);
    if (commitment === '') fail('commitment', say('csv.noCommitment'));
    else if (!known) fail('commitment', say('csv.unknownCommitment', { code: clip(commitment) }));
    else if (context.parties.has(party)) {
      const applies = known.applicability === 'party_pledge' ? known.pledgePartySlug === party : (context.joined.get(party)?.has(known.instrumentSlug) ?? false);
      if (!applies) fail('commitment', say('csv.notApplicable', { commitment, party: party.toUpperCase() }));
    }
    if (!(ASSESSORS as readonly string[]).includes(assessorText)) fail('assessor', say('csv.unknownAssessor', { value: clip(assessorText), allowed: ASSESSORS.join(say('csv.or')) }));
    if (rowErrors.length) {
      flush();
      continue;
    }
    const assessor = assessorText as Assessor;

    const key = assessmentKey(party, commitment, assessor);
    const firstRow = keys.get(key);
    if (firstRow !== undefined) fail('commitment', say('csv.duplicateKey', { row: firstRow, party: party.toUpperCase(), commitment, assessor }));
    else keys.set(key, row.row);
    if (id !== null) {
      const firstIdRow = ids.get(id);
      if (firstIdRow !== undefined) fail('assessment_id', say('csv.duplicateId', { row: firstIdRow, id }));
      else ids.set(id, row.row);
    }
    if (rowErrors.length) {
      flush();
      continue;
    }

    // The assessment the row edits, and whether the file is still up to date with it.
    const current = context.current.get(key) ?? null;
    let target: CurrentAssessment | null = null;
    if (id !== null) {
      const head = context.assessments.get(id);
      if (!head || head.partySlug !== party) fail('assessment_id', say('csv.noSuchAssessment', { id, party: party.toUpperCase() }));
      else if (head.commitmentCode !== commitment || head.assessor !== assessor) {
        fail('assessment_id', say('csv.otherAssessment', { id, theirs: `${head.commitmentCode} (${head.assessor})`, ours: `${commitment} (${assessor})` }));
      } else if (!current || current.id !== id) {
        fail('assessment_id', current ? say('csv.staleIdNow', { id, ours: `${commitment} (${assessor})`, current: current.id, state: current.state }) : say('csv.staleId', { id, ours: `${commitment} (${assessor})` }));
      } else target = current;
    } else if (current) {
      fail('assessment_id', say('csv.staleNew', { current: current.id, state: current.state, ours: `${commitment} (${assessor})` }));
    }
    if (rowErrors.length) {
      flush();
      continue;
    }

    const evidence = readEvidence(row, file.evidenceGroups);
    const changed = target ? differences(row, evidence, target) : [];
    if (target) {
      if (changed.length === 0) {
        unchanged += 1;
        continue;
      }
      if (version !== null && version !== target.version) {
        fail('version', say('csv.staleVersion', { id: target.id, version: target.version, edited: version }));
      }
      if (target.state === 'submitted') fail('assessment_id', say('csv.inReview', { id: target.id }));
    } else if (CONTENT_COLUMNS.every((c) => cell(c).trim() === '') && evidence.length === 0) {
      empty += 1;
      continue;
    }

    // Who may say what: the assessor follows from the role (unchanged rows of the other
    // assessor, as an export lists them, pass untouched).
    const writable = assessorsFor(context.actor, party);
    if (!writable.includes(assessor)) {
      fail(
        'assessor',
        assessor === 'independent' ? say('csv.onlyAnalysts') : say('csv.onlyEditors'),
      );
      flush();
      continue;
    }

    // New content: the same checks as the workspace form and the API.
    const statusText = cell('status').trim();
    if (statusText !== '' && !(STATUSES as readonly string[]).includes(statusText)) {
      fail('status', say('csv.unknownStatus', { value: clip(statusText), allowed: STATUSES.join(', ') }));
    }
    for (const e of evidence) {
      if (e.values.url.trim() === '') fail(evidenceColumn(e.group, 'url'), say('csv.noEvidenceUrl', { group: e.group }));
    }
    if (!rowErrors.length) {
      const parsed = assessmentInputSchema.safeParse({
        party,
        commitment,
        status: statusText,
        assessor,
        asOf: cell('as_of').trim(),
        narrative: cell('narrative').replace(/\r\n?/g, '\n'),
        narrativeTh: cell('narrative_th').replace(/\r\n?/g, '\n'),
        evidence: evidence.map((e) => ({
          url: e.values.url,
          title: e.values.title,
          publisher: e.values.publisher,
          ...(e.values.date.trim() === '' ? {} : { date: e.values.date.trim() }),
          grade: e.values.grade.trim(),
        })),
      });
      if (!parsed.success) {
        for (const issue of (parsed.error as z.ZodError).issues) {
          const column = columnOf(issue.path, evidence);
          // One message per cell: the first problem found.
          if (rowErrors.some((e) => e.column === column)) continue;
          // The same words as the workspace form, with what the cell holds where that helps.
          const found = cellAt(row, column).trim();
          const sentence = describeIssue(locale, formFieldOf(issue.path), { ...issue, input: found });
          const message = (column === 'as_of' || column.endsWith('_date')) && found ? `${sentence} ${say('im.cellHolds', { value: clip(found) })}` : sentence;
          fail(column, message);
        }
      } else if (!rowErrors.length) {
        changes.push({
          row: row.row,
          kind: !target ? 'create' : target.state === 'published' ? 'supersede' : 'update',
          targetId: target?.id ?? null,
          targetVersion: target?.version ?? null,
          input: { ...parsed.data, assessor },
          changed: target ? changed : ['status', 'as_of', 'narrative', ...(cell('narrative_th').trim() ? ['narrative_th'] : []), 'evidence'],
        });
      }
    }
    flush();
  }

  return {
    rows,
    unchanged,
    empty,
    changes,
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    errorCount: errors.length,
    outOfScope: [...outOfScope].sort(),
    digest: planDigest(text, changes),
  };
}

function cellAt(row: ParsedRow, column: string): string {
  return row.cells.get(column) ?? '';
}

/** SHA-256 (hex) over the file's text and what the plan would write, to check that an apply does what its preview showed. */
export function planDigest(text: string, changes: readonly PlannedChange[]): string {
  const summary = JSON.stringify({
    file: encodeHexLowerCase(sha256(new TextEncoder().encode(text))),
    changes: changes.map((c) => [c.row, c.kind, c.targetId, c.targetVersion]),
  });
  return encodeHexLowerCase(sha256(new TextEncoder().encode(summary)));
}

/** Counts of a plan's changes by kind. */
export function countChanges(plan: Pick<ImportPlan, 'changes'>): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { create: 0, update: 0, supersede: 0 };
  for (const change of plan.changes) counts[change.kind] += 1;
  return counts;
}
