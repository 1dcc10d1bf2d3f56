/** GET /data/<dataset>.csv and /data/<dataset>.json: one published table, whole. */
import { findDataset, renderCsv, renderJson } from '../../lib/api/datasets';
import { ApiError, handleGet, sendBody } from '../../lib/api/http';

export const GET = handleGet(async ({ params, locals, request }) => {
  const match = /^([a-z-]+)\.(csv|json)$/.exec(params.file ?? '');
  const dataset = match ? findDataset(match[1]!) : undefined;
  if (!match || !dataset) throw new ApiError(404, `No download named "${(params.file ?? '').slice(0, 80)}"; the list is at /data`, 'file');
  const rows = await dataset.read(locals.db);
  if (match[2] === 'csv') {
    return sendBody(request, renderCsv(dataset, rows), 'text/csv; charset=utf-8; header=present', {
      'content-disposition': `attachment; filename="${dataset.name}.csv"`,
    });
  }
  return sendBody(request, renderJson(dataset, rows), 'application/json; charset=utf-8', {
    'content-disposition': `inline; filename="${dataset.name}.json"`,
  });
});
