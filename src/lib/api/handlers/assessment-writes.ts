/**
 * The staff write API for assessments: create (a draft, or submitted at once with
 * `"submit": true`), edit with the version read, submit, and review. Each handler parses
 * the body with its published schema, calls the assessment service (which checks the
 * party scope and the two-person rule, and writes with its audit row in one transaction)
 * and answers the assessment as JSON. Sign-in, roles, the write limit and errors are
 * handled by `handleWrite`.
 */
import { patchAssessment } from '../../server/assessments/patch';
import { createAssessment, reviewAssessment, submitAssessment } from '../../server/assessments/service';
import { AssessmentCreateRequest, AssessmentPatchRequest, AssessmentReviewRequest, AssessmentSubmitRequest } from '../schemas';
import { handleWrite, parseAssessmentId, parseBody, readJsonBody, sendAssessment } from '../write';

/** POST /api/v1/assessments: 201 with the new draft (or submitted) assessment. */
export const createAssessmentRoute = handleWrite(['editor', 'analyst'], async ({ locals, request }, actor) => {
  const { submit, ...input } = parseBody(AssessmentCreateRequest, await readJsonBody(request));
  return sendAssessment(201, await createAssessment(locals.db, actor, input, { submit: submit === true }));
});

/** PATCH /api/v1/assessments/{id}: the fields sent, against the version read. */
export const patchAssessmentRoute = handleWrite(['editor', 'analyst'], async ({ locals, request, params }, actor) => {
  const id = parseAssessmentId(params.id);
  const { version, ...patch } = parseBody(AssessmentPatchRequest, await readJsonBody(request));
  return sendAssessment(200, await patchAssessment(locals.db, actor, id, version, patch));
});

/** POST /api/v1/assessments/{id}/submit: sends a draft or returned assessment to review. */
export const submitAssessmentRoute = handleWrite(['editor', 'analyst'], async ({ locals, request, params }, actor) => {
  const id = parseAssessmentId(params.id);
  // No body at all is an empty request; a JSON `null` is not.
  const raw = await readJsonBody(request, { optional: true });
  const body = parseBody(AssessmentSubmitRequest, raw === undefined ? {} : raw);
  return sendAssessment(200, await submitAssessment(locals.db, actor, id, body.version));
});

/** POST /api/v1/assessments/{id}/review: publishes or returns a submitted assessment. */
export const reviewAssessmentRoute = handleWrite(['reviewer'], async ({ locals, request, params }, actor) => {
  const id = parseAssessmentId(params.id);
  const { decision, comment } = parseBody(AssessmentReviewRequest, await readJsonBody(request));
  return sendAssessment(200, await reviewAssessment(locals.db, actor, id, decision, comment || null));
});
