/**
 * The workspace's assessment form as plain HTML sends it: one field per value, and the
 * evidence as parallel repeated fields (`evidenceUrl`, `evidenceTitle`, … once per row).
 * Rows left entirely blank are dropped; the rest become the shared assessment input and are
 * checked by the same schema as the JSON API and the CSV import. Problems are reported by
 * form field name (`narrative`, `evidence.2.url`, with the row number as the person saw it).
 */
import type { z } from 'zod';
import { describeIssue } from '../i18n/form-messages';
import type { Locale } from '../i18n/locales';
import { assessmentInputSchema, type AssessmentInput } from './assessment-input';

/** The form's fields, as strings (repeated fields as arrays). */
export interface AssessmentFormFields {
  party: string;
  commitment: string;
  status: string;
  assessor: string;
  asOf: string;
  narrative: string;
  narrativeTh: string;
  evidenceUrl: string[];
  evidenceTitle: string[];
  evidencePublisher: string[];
  evidenceDate: string[];
  evidenceGrade: string[];
  /** Ids of the measures ticked (absent: none). */
  measures?: string[];
}

/** The evidence rows of the form, blank ones included, as the person sees them. */
export interface EvidenceRow {
  url: string;
  title: string;
  publisher: string;
  date: string;
  grade: string;
}

/** How many evidence rows a new form shows; more can be added (up to the schema's maximum). */
export const BLANK_EVIDENCE_ROWS = 3;
/** The most evidence rows a form may carry. */
export const MAX_EVIDENCE_ROWS = 20;

/** Zips the parallel evidence fields into rows. */
export function evidenceRows(fields: Pick<AssessmentFormFields, 'evidenceUrl' | 'evidenceTitle' | 'evidencePublisher' | 'evidenceDate' | 'evidenceGrade'>): EvidenceRow[] {
  const count = Math.max(fields.evidenceUrl.length, fields.evidenceTitle.length, fields.evidencePublisher.length, fields.evidenceDate.length, fields.evidenceGrade.length);
  return Array.from({ length: count }, (_, i) => ({
    url: fields.evidenceUrl[i] ?? '',
    title: fields.evidenceTitle[i] ?? '',
    publisher: fields.evidencePublisher[i] ?? '',
    date: fields.evidenceDate[i] ?? '',
    grade: fields.evidenceGrade[i] ?? '',
  }));
}

const isBlank = (row: EvidenceRow) => !row.url.trim() && !row.title.trim() && !row.publisher.trim() && !row.date.trim() && !row.grade.trim();

export type FormParse = { ok: true; input: AssessmentInput } | { ok: false; errors: Record<string, string>; field: string; message: string };

/**
 * Checks the form; on failure, every problem keyed by its form field name (first problem
 * first), each in words in `locale` ("Choose a status"), never the schema's codes.
 */
export function parseAssessmentForm(fields: AssessmentFormFields, locale: Locale = 'en'): FormParse {
  const rows = evidenceRows(fields);
  const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlank(row));
  const candidate = {
    party: fields.party,
    commitment: fields.commitment,
    status: fields.status,
    // The assessor follows from the writer's role: a form sends one only when the writer may choose.
    ...(fields.assessor.trim() ? { assessor: fields.assessor.trim() } : {}),
    asOf: fields.asOf,
    narrative: fields.narrative,
    ...(fields.narrativeTh.trim() ? { narrativeTh: fields.narrativeTh } : {}),
    evidence: kept.map(({ row }) => ({
      url: row.url,
      title: row.title,
      publisher: row.publisher,
      ...(row.date.trim() ? { date: row.date.trim() } : {}),
      grade: row.grade,
    })),
    ...(fields.measures?.length ? { measures: fields.measures } : {}),
  };
  const parsed = assessmentInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors = issuesByField(parsed.error, (i) => kept[i]?.index ?? i, candidate, locale);
  const [field, message] = Object.entries(errors)[0] ?? ['form', 'invalid input'];
  return { ok: false, errors, field, message };
}

/** Form field name for each issue: `evidence.<row>.<part>` with the row as shown, else the top-level name. */
function issuesByField(error: z.ZodError, rowOf: (kept: number) => number, candidate: unknown, locale: Locale): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const [head, index, part] = issue.path;
    let name: string;
    if (head === 'evidence' && typeof index === 'number') name = `evidence.${rowOf(index)}.${String(part ?? 'url')}`;
    else name = head === undefined ? 'form' : String(head);
    errors[name] ??= describeIssue(locale, name, { ...issue, input: valueAt(candidate, issue.path) });
  }
  return errors;
}

/** The value at a schema path of the checked object (to tell a missing value from a wrong one). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return typeof at === 'string' ? at.trim() : at;
}
