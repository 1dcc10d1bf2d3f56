/**
 * /api/v1/assessments: GET is the public read of published assessments; POST (staff)
 * creates one. The handlers live in src/lib/api/handlers/.
 */
import { handleGet } from '../../../../lib/api/http';
import { getAssessmentsResponse } from '../../../../lib/api/handlers/assessments';
import { createAssessmentRoute } from '../../../../lib/api/handlers/assessment-writes';
import { methodNotAllowed } from '../../../../lib/api/write';

export const GET = handleGet(getAssessmentsResponse);
export const POST = createAssessmentRoute;
/** The collection is read and added to, never replaced or deleted as a whole. */
export const PUT = methodNotAllowed('GET, POST');
export const PATCH = methodNotAllowed('GET, POST');
export const DELETE = methodNotAllowed('GET, POST');
