/** GET /api/v1/indicators. */
import { handleGet } from '../../../lib/api/http';
import { getIndicatorsResponse } from '../../../lib/api/handlers/reference';

export const GET = handleGet(getIndicatorsResponse);
