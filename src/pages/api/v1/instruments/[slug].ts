/** GET /api/v1/instruments/{slug}. */
import { handleGet } from '../../../../lib/api/http';
import { getInstrumentResponse } from '../../../../lib/api/handlers/instruments';

export const GET = handleGet(getInstrumentResponse);
