/** GET /api/v1/conferences. */
import { handleGet } from '../../../lib/api/http';
import { getConferencesResponse } from '../../../lib/api/handlers/reference';

export const GET = handleGet(getConferencesResponse);
