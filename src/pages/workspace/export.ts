/** `/workspace/export?party=THA`: the same spreadsheet as /workspace/parties/THA/assessments.csv, for a plain GET form. */
import type { APIRoute } from 'astro';
import { exportResponse } from '../../lib/server/assessments/export-response';

export const GET: APIRoute = (context) => exportResponse(context, context.url.searchParams.get('party'));
