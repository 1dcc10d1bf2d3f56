/** POST /api/v1/assessments/{id}/review (staff reviewers): publishes or returns an assessment. */
import { reviewAssessmentRoute } from '../../../../../lib/api/handlers/assessment-writes';
import { methodNotAllowed } from '../../../../../lib/api/write';

export const POST = reviewAssessmentRoute;
export const ALL = methodNotAllowed('POST');
