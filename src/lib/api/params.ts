/** Reading an endpoint's query string with its zod schema; the first problem becomes a 400 naming the parameter. */
import type { z } from 'zod';
import { readAsOf } from '../request-params';
import { ApiError } from './http';

/**
 * Parses the parameters `schema` declares (first value of each; an empty value counts as
 * absent). Parameters the endpoint does not know are ignored, as cache-busters often are.
 */
export function parseQuery<S extends z.ZodObject>(schema: S, params: URLSearchParams): z.output<S> {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = issue.path.length > 0 ? String(issue.path[0]) : null;
    const message = field && !issue.message.startsWith(field) ? `${field}: ${issue.message}` : issue.message;
    throw new ApiError(400, message, field);
  }
  return result.data;
}

/** The day to show for a validated `as_of` (today when absent; a later day counts as today), as the pages read it. */
export function resolveAsOf(asOf: string | undefined, today?: string): string {
  return readAsOf(new URLSearchParams(asOf ? { as_of: asOf } : {}), today).asOf;
}
