/** Form fields every review action shares (assessments, measures, treaty imports): the same words and limits on each. */
import { z } from 'astro/zod';

/** Publish, or return to the author. */
export const reviewDecisionField = z.enum(['publish', 'return'], { message: 'choose publish or return' });

/** The reviewer's optional comment: trimmed, blank as null, at most 2000 characters. */
export const reviewCommentField = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .nullish()
  .transform((value) => value?.trim() || null);
