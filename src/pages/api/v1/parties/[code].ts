/** GET /api/v1/parties/{code}: a party's scorecard. */
import { handleGet } from '../../../../lib/api/http';
import { getScorecardResponse } from '../../../../lib/api/handlers/parties';

export const GET = handleGet(getScorecardResponse);
