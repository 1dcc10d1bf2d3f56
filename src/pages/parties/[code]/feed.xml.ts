/** GET /parties/{code}/feed.xml: Atom feed of one party's newest published assessments. */
import type { APIRoute } from 'astro';
import { getFeedResponse } from '../../../lib/api/handlers/feeds';

export const GET: APIRoute = (context) => getFeedResponse(context, 'party');
