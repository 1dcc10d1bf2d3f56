/**
 * The input of a review decision (publish or return a submitted assessment), shared by the
 * workspace review form and the JSON API. A return must say what has to change; the
 * service enforces that, since it depends on the decision.
 */
import { z } from 'zod';
import { text } from './assessment-input';

/** What a reviewer may decide about a submitted assessment. */
export const REVIEW_DECISIONS = ['publish', 'return'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Longest review comment, in characters. */
export const REVIEW_COMMENT_MAX = 2000;

export const reviewInputSchema = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS, { message: `must be one of ${REVIEW_DECISIONS.join(', ')}` }),
  comment: text(0, REVIEW_COMMENT_MAX).nullable().optional(),
});

export type ReviewInput = z.infer<typeof reviewInputSchema>;
