/** GET /api/v1/measures/{id}: one published measure. */
import { handleGet } from '../../../../lib/api/http';
import { getMeasureResponse } from '../../../../lib/api/handlers/measures';

export const GET = handleGet(getMeasureResponse);
