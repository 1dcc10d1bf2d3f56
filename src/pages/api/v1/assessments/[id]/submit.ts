/** POST /api/v1/assessments/{id}/submit (staff): sends an assessment to review. */
import { submitAssessmentRoute } from '../../../../../lib/api/handlers/assessment-writes';
import { methodNotAllowed } from '../../../../../lib/api/write';

export const POST = submitAssessmentRoute;
export const ALL = methodNotAllowed('POST');
