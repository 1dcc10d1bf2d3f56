/** GET /api/v1/measures: published measures, page by page. */
import { handleGet } from '../../../../lib/api/http';
import { getMeasuresResponse } from '../../../../lib/api/handlers/measures';

export const GET = handleGet(getMeasuresResponse);
