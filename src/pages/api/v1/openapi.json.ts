/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the response schemas. */
import { handleGet, sendBody } from '../../../lib/api/http';
import { buildOpenApiDocument } from '../../../lib/api/openapi';

export const GET = handleGet(async ({ request }) => sendBody(request, JSON.stringify(buildOpenApiDocument()), 'application/json; charset=utf-8'));
