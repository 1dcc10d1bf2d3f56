/** The workspace's 404 page for a record page whose id matches nothing (src/pages/workspace/not-found.astro). */

/** What a record page needs from `Astro`. */
interface PageContext {
  locals: App.Locals;
  url: URL;
  request: Request;
  rewrite(to: Request): Promise<Response>;
}

/**
 * Renders the workspace's 404 page in place, naming the record asked for. Always as a GET
 * with the request's headers (its cookie, its language prefix kept in `locals`): a posted
 * form's body has been read already, and its action must not run again.
 */
export function rewriteToNotFound(context: PageContext, missing: NonNullable<App.Locals['notFound']>): Promise<Response> {
  context.locals.notFound = missing;
  return context.rewrite(new Request(new URL('/workspace/not-found', context.url), { headers: context.request.headers }));
}
