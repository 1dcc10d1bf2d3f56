/** GET /api/v1/search. */
import { handleGet } from '../../../lib/api/http';
import { getSearchResponse } from '../../../lib/api/handlers/search';

export const GET = handleGet(getSearchResponse);
