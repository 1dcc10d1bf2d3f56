/**
 * /api/v1/assessments: GET is the public read of published assessments; POST (staff)
 * creates one. The handlers live in src/lib/api/handlers/.
 */
import { handleGet } from '../../../../lib/api/http';
import { getAssessmentsResponse } from '../../../../lib/api/handlers/assessments';
import { createAssessmentRoute } from '../../../../lib/api/handlers/assessment-writes';

export const GET = handleGet(getAssessmentsResponse);
export const POST = createAssessmentRoute;
