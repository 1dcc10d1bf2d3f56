/**
 * The input of a new or edited measure in the workspace, and the plain HTML form that carries
 * it: one field per value, steps, sources and crosswalk links as parallel repeated fields
 * (`stepStep`, `stepDate`, … once per row). Blank rows are dropped; problems are reported by
 * form field name (`titleEn`, `sources.1.url`, with the row as the person saw it). Exact
 * pages only: a source on a publisher's home page is refused here, as data:check refuses it.
 */
import { z } from 'zod';
import { isoDate, partySlug } from './content-schema';
import { text } from './assessment-input';
import { measureId } from './measure-content';
import { isExactPage } from './measure-quality';
import { CONFIDENCES, MEASURE_EXTENTS, MEASURE_KINDS, MEASURE_STEPS, SOURCE_ROLES } from './vocabulary';
import type { Locale } from '../i18n/locales';
import { measureProblem } from '../i18n/workspace-form-strings';

const exactUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .pipe(z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' }))
  .refine(isExactPage, 'must be the exact page that states it, not a home page');
const optionalText = (max: number) => text(1, max).optional();
const confidence = z.enum(CONFIDENCES, { message: `must be one of ${CONFIDENCES.join(', ')}` });

export const measureInputSchema = z
  .strictObject({
    id: measureId,
    party: partySlug,
    kind: z.enum(MEASURE_KINDS, { message: `must be one of ${MEASURE_KINDS.join(', ')}` }),
    titleEn: text(3, 500),
    titleTh: optionalText(500),
    titleOriginal: optionalText(500),
    originalLanguage: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 code').optional(),
    summaryEn: text(10, 4000),
    summaryTh: optionalText(4000),
    disputedEn: optionalText(2000),
    disputedTh: optionalText(2000),
    steps: z
      .array(
        z.strictObject({
          step: z.enum(MEASURE_STEPS, { message: `must be one of ${MEASURE_STEPS.join(', ')}` }),
          date: isoDate,
          url: exactUrl,
          publisher: text(2, 200),
          confidence,
          checkedOn: isoDate.optional(),
        }),
      )
      .max(20, 'at most 20 steps'),
    sources: z
      .array(
        z.strictObject({
          role: z.enum(SOURCE_ROLES, { message: `must be one of ${SOURCE_ROLES.join(', ')}` }),
          url: exactUrl,
          title: text(3, 300),
          publisher: text(2, 200),
          confidence,
          checkedOn: isoDate.optional(),
        }),
      )
      .min(1, 'give at least one source: the exact page that states what the measure is')
      .max(20, 'at most 20 sources'),
    links: z
      .array(
        z.strictObject({
          code: z.string().trim().toUpperCase().min(3, 'must be a commitment code such as UNCC-13').max(40),
          extent: z.enum(MEASURE_EXTENTS, { message: `must be one of ${MEASURE_EXTENTS.join(', ')}` }),
          noteEn: optionalText(1000),
          noteTh: optionalText(1000),
        }),
      )
      .max(40, 'at most 40 commitments'),
  })
  .superRefine((m, ctx) => {
    if (!m.id.startsWith(`${m.party}-`)) ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with the party code, "${m.party}-"` });
    m.steps.forEach((s, i) => {
      const previous = m.steps[i - 1];
      if (previous && s.date < previous.date) ctx.addIssue({ code: 'custom', path: ['steps', i, 'date'], message: 'steps go oldest first' });
    });
    const seen = new Set<string>();
    m.links.forEach((l, i) => {
      if (seen.has(l.code)) ctx.addIssue({ code: 'custom', path: ['links', i, 'code'], message: `${l.code} is listed twice` });
      seen.add(l.code);
    });
  });
export type MeasureInput = z.infer<typeof measureInputSchema>;

/** The form's fields as strings (repeated fields as arrays). */
export interface MeasureFormFields {
  id: string;
  party: string;
  kind: string;
  titleEn: string;
  titleTh: string;
  titleOriginal: string;
  originalLanguage: string;
  summaryEn: string;
  summaryTh: string;
  disputedEn: string;
  disputedTh: string;
  stepStep: string[];
  stepDate: string[];
  stepUrl: string[];
  stepPublisher: string[];
  stepConfidence: string[];
  stepCheckedOn: string[];
  sourceRole: string[];
  sourceUrl: string[];
  sourceTitle: string[];
  sourcePublisher: string[];
  sourceConfidence: string[];
  sourceCheckedOn: string[];
  linkCode: string[];
  linkExtent: string[];
  linkNoteEn: string[];
  linkNoteTh: string[];
}

/** Zips parallel repeated fields into rows of named parts. */
export function zipRows<K extends string>(columns: Record<K, string[]>): Record<K, string>[] {
  const names = Object.keys(columns) as K[];
  const count = Math.max(0, ...names.map((n) => columns[n].length));
  return Array.from({ length: count }, (_, i) => Object.fromEntries(names.map((n) => [n, columns[n][i] ?? ''])) as Record<K, string>);
}

/** The step, source and link rows of the form, blank ones included, as the person sees them. */
export function measureFormRows(f: MeasureFormFields) {
  return {
    steps: zipRows({ step: f.stepStep, date: f.stepDate, url: f.stepUrl, publisher: f.stepPublisher, confidence: f.stepConfidence, checkedOn: f.stepCheckedOn }),
    sources: zipRows({ role: f.sourceRole, url: f.sourceUrl, title: f.sourceTitle, publisher: f.sourcePublisher, confidence: f.sourceConfidence, checkedOn: f.sourceCheckedOn }),
    links: zipRows({ code: f.linkCode, extent: f.linkExtent, noteEn: f.linkNoteEn, noteTh: f.linkNoteTh }),
  };
}

/** A row is blank when none of its typed parts is filled (choices with a default do not count). */
const blank = (row: Record<string, string>, typed: string[]) => typed.every((k) => !(row[k] ?? '').trim());
const optional = (value: string) => (value.trim() ? value : undefined);

export type MeasureFormParse = { ok: true; input: MeasureInput } | { ok: false; errors: Record<string, string>; field: string; message: string };

/**
 * Checks the form; on failure, every problem keyed by its form field name (first problem
 * first), each in words in `locale`, never the schema's codes or lists of allowed values.
 */
export function parseMeasureForm(f: MeasureFormFields, locale: Locale = 'en'): MeasureFormParse {
  const rows = measureFormRows(f);
  const steps = rows.steps.map((row, index) => ({ row, index })).filter(({ row }) => !blank(row, ['date', 'url', 'publisher', 'checkedOn']));
  const sources = rows.sources.map((row, index) => ({ row, index })).filter(({ row }) => !blank(row, ['url', 'title', 'publisher', 'checkedOn']));
  const links = rows.links.map((row, index) => ({ row, index })).filter(({ row }) => !blank(row, ['code', 'noteEn', 'noteTh']));
  const candidate = {
    id: f.id.trim().toLowerCase(),
    party: f.party.trim().toLowerCase(),
    kind: f.kind,
    titleEn: f.titleEn,
    titleTh: optional(f.titleTh),
    titleOriginal: optional(f.titleOriginal),
    originalLanguage: optional(f.originalLanguage.trim().toLowerCase()),
    summaryEn: f.summaryEn,
    summaryTh: optional(f.summaryTh),
    disputedEn: optional(f.disputedEn),
    disputedTh: optional(f.disputedTh),
    steps: steps.map(({ row }) => ({ step: row.step, date: row.date.trim(), url: row.url, publisher: row.publisher, confidence: row.confidence, checkedOn: optional(row.checkedOn.trim()) })),
    sources: sources.map(({ row }) => ({ role: row.role, url: row.url, title: row.title, publisher: row.publisher, confidence: row.confidence, checkedOn: optional(row.checkedOn.trim()) })),
    links: links.map(({ row }) => ({ code: row.code, extent: row.extent, noteEn: optional(row.noteEn), noteTh: optional(row.noteTh) })),
  };
  const parsed = measureInputSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, input: parsed.data };
  const shown = { steps, sources, links } as const;
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const [head, index, part] = issue.path;
    let name: string;
    if ((head === 'steps' || head === 'sources' || head === 'links') && typeof index === 'number') name = `${head}.${shown[head][index]?.index ?? index}.${String(part ?? 'url')}`;
    else name = head === undefined ? 'form' : String(head);
    errors[name] ??= measureProblem(locale, name, issue, { party: candidate.party });
  }
  const [field, message] = Object.entries(errors)[0] ?? ['form', 'invalid input'];
  return { ok: false, errors, field, message };
}
