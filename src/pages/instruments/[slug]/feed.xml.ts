/** GET /instruments/{slug}/feed.xml: Atom feed of the newest published assessments of one instrument's commitments. */
import type { APIRoute } from 'astro';
import { getFeedResponse } from '../../../lib/api/handlers/feeds';

export const GET: APIRoute = (context) => getFeedResponse(context, 'instrument');
