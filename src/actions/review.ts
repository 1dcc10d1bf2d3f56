/** The reviewer's actions: publish or return a submitted assessment (never one they wrote), or several at once. */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { BULK_MAX, reviewAssessment, reviewAssessments } from '../lib/server/assessments/service';
import { formError } from '../lib/server/form-error';
import { requireActor, runService } from './context';
import { reviewCommentField, reviewDecisionField } from './review-fields';

export const review = {
  /** Publishes, or returns with a comment saying what must change. */
  decide: defineAction({
    accept: 'form',
    input: z.object({
      id: z.coerce.number().int().positive(),
      decision: reviewDecisionField,
      comment: reviewCommentField,
    }),
    handler: async ({ id, decision, comment }, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => reviewAssessment(context.locals.db, actor, id, decision, comment), 'comment');
      return { id: saved.id, state: saved.state };
    },
  }),

  /** Publishes or returns every ticked assessment with one comment; reports each one's outcome. */
  decideMany: defineAction({
    accept: 'form',
    input: z.object({
      ids: z.array(z.coerce.number().int().positive()).max(BULK_MAX).default([]),
      decision: reviewDecisionField,
      comment: reviewCommentField,
    }),
    handler: async ({ ids, decision, comment }, context) => {
      const actor = await requireActor(context);
      if (ids.length === 0) throw formError(400, context.locals.locale === 'th' ? 'เลือกอย่างน้อยหนึ่งรายการ' : 'Tick at least one assessment.', 'ids');
      const outcomes = await runService(context, () => reviewAssessments(context.locals.db, actor, ids, decision, comment), 'comment');
      return { decision, outcomes };
    },
  }),
};
