/**
 * Assessment actions for the workspace forms: create a draft (or submit it at once), edit a
 * draft or returned one against the version the editor read, submit for review. The service
 * checks the party scope and writes each change with its audit row in one transaction.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { parseAssessmentForm, MAX_EVIDENCE_ROWS, type AssessmentFormFields } from '../domain/assessment-form';
import { BULK_MAX, createAssessment, submitAssessment, submitAssessments, updateAssessment } from '../lib/server/assessments/service';
import type { Locale } from '../i18n/locales';
import { formError } from '../lib/server/form-error';
import { requireActor, runService } from './context';

/** A text field; a missing or empty one reads as ''. Lengths here only stop abuse: the shared schema says what is valid. */
const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');
const repeated = (max: number) => z.array(z.string().max(max, `must be at most ${max} characters`)).max(MAX_EVIDENCE_ROWS, `at most ${MAX_EVIDENCE_ROWS} rows of evidence`);

const assessmentFields = {
  party: text(40),
  commitment: text(40),
  status: text(40),
  assessor: text(40),
  asOf: text(40),
  narrative: text(8000),
  narrativeTh: text(8000),
  evidenceUrl: repeated(4000),
  evidenceTitle: repeated(1000),
  evidencePublisher: repeated(1000),
  evidenceDate: repeated(40),
  evidenceGrade: repeated(40),
  measures: z.array(z.string().max(120, 'must be at most 120 characters')).max(20, 'at most 20 measures').optional(),
};

const positiveInt = (name: string) => z.coerce.number({ message: `${name} must be a number` }).int().positive();

/** Checks the form with the shared schema; a 400 names the field (and every other field at fault). */
function checkForm(fields: AssessmentFormFields, locale: Locale) {
  const parsed = parseAssessmentForm(fields, locale);
  if (!parsed.ok) throw formError(400, parsed.message, parsed.field, { errors: parsed.errors });
  return parsed.input;
}

export const assessments = {
  /** Creates a draft; with `intent=submit`, sends it to review at once. */
  create: defineAction({
    accept: 'form',
    input: z.object({ ...assessmentFields, intent: z.enum(['draft', 'submit']).default('draft') }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const input = checkForm(form, context.locals.locale);
      const saved = await runService(context, () => createAssessment(context.locals.db, actor, input, { submit: form.intent === 'submit' }));
      return { id: saved.id, version: saved.version, state: saved.state };
    },
  }),

  /** Edits a draft or returned assessment; a stale `version` gets 409 with the current one. */
  update: defineAction({
    accept: 'form',
    input: z.object({ ...assessmentFields, id: positiveInt('id'), version: positiveInt('version'), intent: z.enum(['save', 'submit']).default('save') }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const input = checkForm(form, context.locals.locale);
      const db = context.locals.db;
      let saved = await runService(context, () => updateAssessment(db, actor, form.id, form.version, input));
      if (form.intent === 'submit') saved = await runService(context, () => submitAssessment(db, actor, saved.id, saved.version));
      return { id: saved.id, version: saved.version, state: saved.state };
    },
  }),

  /** Sends a draft or returned assessment to review. */
  submit: defineAction({
    accept: 'form',
    input: z.object({ id: positiveInt('id'), version: positiveInt('version') }),
    handler: async ({ id, version }, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => submitAssessment(context.locals.db, actor, id, version));
      return { id: saved.id, version: saved.version, state: saved.state };
    },
  }),

  /** Sends every ticked draft or returned assessment to review; reports each one's outcome. */
  submitMany: defineAction({
    accept: 'form',
    input: z.object({ ids: z.array(z.coerce.number().int().positive()).max(BULK_MAX).default([]) }),
    handler: async ({ ids }, context) => {
      const actor = await requireActor(context);
      if (ids.length === 0) throw formError(400, context.locals.locale === 'th' ? 'เลือกอย่างน้อยหนึ่งรายการ' : 'Tick at least one draft.', 'ids');
      const outcomes = await runService(context, () => submitAssessments(context.locals.db, actor, ids));
      return { outcomes };
    },
  }),
};
