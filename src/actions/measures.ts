/**
 * Measure actions for the workspace forms: create a draft (or submit it at once), edit a
 * draft or returned one against the version read, submit, and the reviewer's publish or
 * return. The service checks the party scope and the two-person rule and writes each change
 * with its audit row in one transaction.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { parseMeasureForm, type MeasureFormFields } from '../domain/measure-input';
import type { Locale } from '../i18n/locales';
import { formError } from '../lib/server/form-error';
import { createMeasure, reviewMeasure, submitMeasure, updateMeasure } from '../lib/server/measures/service';
import { requireActor, runService } from './context';
import { reviewCommentField, reviewDecisionField } from './review-fields';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');
const repeated = (max: number) => z.array(z.string().max(max, `must be at most ${max} characters`)).max(40, 'at most 40 rows');

const measureFields = {
  id: text(120),
  party: text(40),
  kind: text(40),
  titleEn: text(1000),
  titleTh: text(1000),
  titleOriginal: text(1000),
  originalLanguage: text(10),
  summaryEn: text(8000),
  summaryTh: text(8000),
  disputedEn: text(4000),
  disputedTh: text(4000),
  stepStep: repeated(40),
  stepDate: repeated(40),
  stepUrl: repeated(4000),
  stepPublisher: repeated(1000),
  stepConfidence: repeated(40),
  stepCheckedOn: repeated(40),
  sourceRole: repeated(40),
  sourceUrl: repeated(4000),
  sourceTitle: repeated(1000),
  sourcePublisher: repeated(1000),
  sourceConfidence: repeated(40),
  sourceCheckedOn: repeated(40),
  linkCode: repeated(40),
  linkExtent: repeated(40),
  linkNoteEn: repeated(2000),
  linkNoteTh: repeated(2000),
};

function checkForm(fields: MeasureFormFields, locale: Locale) {
  const parsed = parseMeasureForm(fields, locale);
  if (!parsed.ok) throw formError(400, parsed.message, parsed.field, { errors: parsed.errors });
  return parsed.input;
}

const measureIdField = z.string().regex(/^[a-z0-9-]{1,120}$/, 'not a measure id');

export const measureActions = {
  /** Creates a draft; with `intent=submit`, sends it to review at once. */
  create: defineAction({
    accept: 'form',
    input: z.object({ ...measureFields, intent: z.enum(['draft', 'submit']).default('draft') }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const input = checkForm(form, context.locals.locale);
      const saved = await runService(context, () => createMeasure(context.locals.db, actor, input, { submit: form.intent === 'submit' }));
      return { id: saved.measure.id, version: saved.measure.version, state: saved.measure.state };
    },
  }),

  /** Edits a draft or returned measure; a stale `version` gets 409. */
  update: defineAction({
    accept: 'form',
    input: z.object({ ...measureFields, version: z.coerce.number().int().positive(), intent: z.enum(['save', 'submit']).default('save') }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const input = checkForm(form, context.locals.locale);
      const db = context.locals.db;
      let saved = await runService(context, () => updateMeasure(db, actor, input.id, form.version, input));
      if (form.intent === 'submit') saved = await runService(context, () => submitMeasure(db, actor, saved.measure.id, saved.measure.version));
      return { id: saved.measure.id, version: saved.measure.version, state: saved.measure.state };
    },
  }),

  /** Sends a draft or returned measure to review. */
  submit: defineAction({
    accept: 'form',
    input: z.object({ id: measureIdField, version: z.coerce.number().int().positive() }),
    handler: async ({ id, version }, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => submitMeasure(context.locals.db, actor, id, version));
      return { id: saved.measure.id, state: saved.measure.state };
    },
  }),

  /** Publishes, or returns with a comment saying what must change (a reviewer who is not the author). */
  review: defineAction({
    accept: 'form',
    input: z.object({
      id: measureIdField,
      decision: reviewDecisionField,
      comment: reviewCommentField,
    }),
    handler: async ({ id, decision, comment }, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => reviewMeasure(context.locals.db, actor, id, decision, comment), 'comment');
      return { id: saved.measure.id, state: saved.measure.state };
    },
  }),
};
