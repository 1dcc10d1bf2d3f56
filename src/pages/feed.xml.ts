/** GET /feed.xml (and /th/feed.xml): Atom feed of the newest published assessments. */
import type { APIRoute } from 'astro';
import { getFeedResponse } from '../lib/api/handlers/feeds';

export const GET: APIRoute = (context) => getFeedResponse(context, 'site');
