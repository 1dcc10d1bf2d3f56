/** A party's current assessments as an editable spreadsheet (see src/domain/assessment-csv.ts). */
import type { APIRoute } from 'astro';
import { exportResponse } from '../../../../lib/server/assessments/export-response';

export const GET: APIRoute = (context) => exportResponse(context, context.params.code);
