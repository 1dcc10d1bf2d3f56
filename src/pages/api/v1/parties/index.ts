/** GET /api/v1/parties (see src/lib/api/openapi.ts for the contract). */
import { handleGet } from '../../../../lib/api/http';
import { getPartiesResponse } from '../../../../lib/api/handlers/parties';

export const GET = handleGet(getPartiesResponse);
