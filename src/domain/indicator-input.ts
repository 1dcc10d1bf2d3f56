/** A new indicator value as an editor enters it (workspace form), checked field by field. */
import { z } from 'zod';
import { isoDate } from './content-schema';
import { isExactSource } from './data-quality';
import { CONFIDENCES } from './vocabulary';

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value), 'must not contain control characters');

/** A finite number written with digits (commas as thousands separators allowed). */
const amount = z
  .string()
  .trim()
  .transform((value) => value.replace(/,/g, ''))
  .pipe(z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a number such as 1250 or 3.5'))
  .transform(Number)
  .pipe(z.number().finite().min(0, 'must not be negative'));

export const indicatorValueInputSchema = z
  .strictObject({
    indicator: z.string().trim().min(1, 'choose an indicator').max(80),
    periodStart: isoDate.optional(),
    periodEnd: isoDate,
    periodLabel: text(1, 100),
    value: amount,
    valueHigh: amount.optional(),
    sourceUrl: z
      .string()
      .trim()
      .max(2000, 'must be at most 2000 characters')
      .pipe(z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' })),
    sourcePublisher: text(2, 200),
    confidence: z.enum(CONFIDENCES, { message: `must be one of ${CONFIDENCES.join(', ')}` }),
    note: text(0, 1000).optional(),
  })
  .refine((v) => !v.periodStart || v.periodStart <= v.periodEnd, { message: 'must be on or before the end of the period', path: ['periodStart'] })
  .refine((v) => v.valueHigh === undefined || v.valueHigh >= v.value, { message: 'must be at least the value', path: ['valueHigh'] })
  .refine((v) => isExactSource(v.sourceUrl), {
    message: 'a home page is not an exact source: give the address of the page that states the figure',
    path: ['sourceUrl'],
  });

export type IndicatorValueInput = z.infer<typeof indicatorValueInputSchema>;
