/**
 * /api/v1/assessments. Only the public read is here; the handler logic lives in
 * src/lib/api/handlers/assessments.ts, so that write handlers can sit beside GET.
 */
import { handleGet } from '../../../../lib/api/http';
import { getAssessmentsResponse } from '../../../../lib/api/handlers/assessments';

export const GET = handleGet(getAssessmentsResponse);
