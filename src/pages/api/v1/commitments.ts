/** GET /api/v1/commitments. */
import { handleGet } from '../../../lib/api/http';
import { getCommitmentsResponse } from '../../../lib/api/handlers/commitments';

export const GET = handleGet(getCommitmentsResponse);
