/**
 * GET /instruments/{slug}/charts/progress.svg|.png (and /th/…, `?as_of=`): the instrument's
 * parties over time (signatures, domestic steps, deposits) to download, with its title, source
 * and date inside the image.
 */
import type { APIRoute } from 'astro';
import { serveChartDownload } from '../../../../lib/server/chart-download';
import { getInstrument } from '../../../../lib/server/queries/instruments';
import { buildInstrumentChart } from '../../../../lib/server/views/charts';

export const GET: APIRoute = (context) => serveChartDownload(context, 'instruments', 'instrument', getInstrument, buildInstrumentChart);
