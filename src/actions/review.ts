/** The reviewer's action: publish or return a submitted assessment (never one they wrote). */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { reviewAssessment } from '../lib/server/assessments/service';
import { requireActor, runService } from './context';

export const review = {
  /** Publishes, or returns with a comment saying what must change. */
  decide: defineAction({
    accept: 'form',
    input: z.object({
      id: z.coerce.number().int().positive(),
      decision: z.enum(['publish', 'return'], { message: 'choose publish or return' }),
      comment: z
        .string()
        .max(2000, 'must be at most 2000 characters')
        .nullish()
        .transform((value) => value?.trim() || null),
    }),
    handler: async ({ id, decision, comment }, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => reviewAssessment(context.locals.db, actor, id, decision, comment), 'comment');
      return { id: saved.id, state: saved.state };
    },
  }),
};
