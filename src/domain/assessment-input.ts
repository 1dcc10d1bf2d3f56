/**
 * The input of a new or edited assessment, shared by the workspace form, the JSON API and
 * the CSV importer, so that all three accept and refuse exactly the same things.
 */
import { z } from 'zod';
import { isoDate } from './content-schema';
import { hasControlCharacter, hasLoneSurrogate } from './text-input';
import { ASSESSORS, EVIDENCE_GRADES, STATUSES } from './vocabulary';

/** Text without control characters (tabs and new lines allowed) or lone surrogates, trimmed (the rule of src/domain/text-input.ts). */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `must be at least ${min} characters`)
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasControlCharacter(value), 'must not contain control characters')
    .refine((value) => !hasLoneSurrogate(value), 'must not contain lone surrogates');

export const evidenceInputSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .refine((value) => !value.includes('\\'), 'must not contain a backslash')
    .pipe(z.url({ protocol: /^https?$/, message: 'must be a web address starting with http:// or https://' }))
    .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'must not contain a user name or password'),
  title: text(3, 300),
  publisher: text(2, 200),
  date: isoDate.optional(),
  grade: z.enum(EVIDENCE_GRADES, { message: `must be one of ${EVIDENCE_GRADES.join(', ')}` }),
});

export const assessmentInputSchema = z.strictObject({
  /** Party code in any case: ISO alpha-3 for states, slug for organisations. */
  party: z.string().trim().min(2).max(40).transform((value) => value.toLowerCase()),
  commitment: z.string().trim().min(3).max(40).transform((value) => value.toUpperCase()),
  status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }),
  /**
   * Who assessed. It follows from the writer's role (an editor of the party: `self_reported`;
   * an analyst: `independent`); it may be left out, and a value the role does not give is refused.
   */
  assessor: z
    .enum(ASSESSORS, { message: `must be one of ${ASSESSORS.join(', ')}` })
    .optional()
    .describe("Follows from your role: a party's editors write self_reported, the secretariat's analysts independent. May be left out; the other value is refused (403)."),
  asOf: isoDate,
  narrative: text(10, 4000),
  narrativeTh: text(0, 4000).optional(),
  evidence: z.array(evidenceInputSchema).min(1, 'at least one piece of evidence is required').max(20, 'at most 20 pieces of evidence'),
  /** Ids of published measures the assessment rests on (as well as its evidence). */
  measures: z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9-]{3,120}$/, 'must be a measure id')).max(20, 'at most 20 measures').optional(),
});

export type AssessmentInput = z.infer<typeof assessmentInputSchema>;
export type EvidenceInput = z.infer<typeof evidenceInputSchema>;

/** The first problem of a failed parse as `{ field, message }` (field as a dotted path). */
export function firstIssue(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  if (!issue) return { field: null, message: 'invalid input' };
  const field = issue.path.length ? issue.path.join('.') : null;
  return { field, message: field ? `${field}: ${issue.message}` : issue.message };
}
