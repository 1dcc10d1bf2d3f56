/** GET /api/v1/instruments. */
import { handleGet } from '../../../../lib/api/http';
import { getInstrumentsResponse } from '../../../../lib/api/handlers/instruments';

export const GET = handleGet(getInstrumentsResponse);
