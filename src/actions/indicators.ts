/** Indicator values: editors add a value for an indicator of a party in their scope. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { indicatorValueInputSchema } from '../domain/indicator-input';
import { indicatorProblem } from '../i18n/workspace-form-strings';
import { formError } from '../lib/server/form-error';
import { addIndicatorValue } from '../lib/server/indicators/service';
import { requireActor, runService } from './context';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');

export const indicators = {
  /** Adds one value (with its source) to an indicator. */
  addValue: defineAction({
    accept: 'form',
    input: z.object({
      indicator: text(80),
      periodStart: text(40),
      periodEnd: text(40),
      periodLabel: text(200),
      value: text(60),
      valueHigh: text(60),
      sourceUrl: text(4000),
      sourcePublisher: text(400),
      confidence: text(40),
      note: text(2000),
    }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const optional = (value: string) => (value.trim() ? value : undefined);
      const parsed = indicatorValueInputSchema.safeParse({
        ...form,
        periodStart: optional(form.periodStart),
        valueHigh: optional(form.valueHigh),
        note: optional(form.note),
      });
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'form');
          errors[field] ??= indicatorProblem(context.locals.locale, field, issue);
        }
        const [field, message] = Object.entries(errors)[0]!;
        throw formError(400, message, field, { errors });
      }
      const row = await runService(context, () => addIndicatorValue(context.locals.db, actor, parsed.data));
      return { id: row.id, indicator: row.indicatorSlug };
    },
  }),
};
