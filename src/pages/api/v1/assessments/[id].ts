/** PATCH /api/v1/assessments/{id} (staff): edits a draft or returned assessment. */
import { patchAssessmentRoute } from '../../../../lib/api/handlers/assessment-writes';
import { methodNotAllowed } from '../../../../lib/api/write';

export const PATCH = patchAssessmentRoute;
export const ALL = methodNotAllowed('PATCH');
