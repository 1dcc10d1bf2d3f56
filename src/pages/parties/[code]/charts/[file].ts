/**
 * GET /parties/{code}/charts/{name}.svg|.png (and /th/…, `?as_of=`): a scorecard chart to
 * download, with its title, source and date inside the image. Names: `instruments-{assessor}`,
 * `themes-{assessor}` (assessor `independent` or `self_reported`), `indicator-{slug}`.
 */
import type { APIRoute } from 'astro';
import { serveChartDownload } from '../../../../lib/server/chart-download';
import { getParty } from '../../../../lib/server/queries/parties';
import { buildPartyChart } from '../../../../lib/server/views/charts';

export const GET: APIRoute = (context) => serveChartDownload(context, 'parties', 'party', (db, code) => getParty(db, code.toLowerCase()), buildPartyChart);
