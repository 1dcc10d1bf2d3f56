/** GET /api/v1/changes: what changed between two dates for a party or an instrument. */
import { handleGet } from '../../../lib/api/http';
import { getChangesResponse } from '../../../lib/api/handlers/changes';

export const GET = handleGet(getChangesResponse);
