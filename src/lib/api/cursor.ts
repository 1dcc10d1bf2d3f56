/**
 * Opaque cursors for the assessment list. A cursor is the position of the last row sent in
 * the list's order (`published_at`, then `id`), as base64url JSON. Published assessments never
 * change, so a position stays valid: rows published later sort after it and none is skipped.
 */
import { ApiError } from './http';

/** Where a page ended. `publishedAt` is null only for a row published without a stamp. */
export interface CursorPosition {
  publishedAt: string | null;
  id: number;
}

/** The cursor for the page after `position`. */
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.publishedAt, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor this API gave out; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): CursorPosition {
  const invalid = () => new ApiError(400, 'cursor is not a cursor this API gave out (use nextCursor from the previous page as it is)', 'cursor');
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid();
  const [publishedAt, id] = value as unknown[];
  if (!(publishedAt === null || (typeof publishedAt === 'string' && publishedAt.length <= 40))) throw invalid();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw invalid();
  return { publishedAt, id };
}

/** The cursor for the measure list after `position` (measures have text ids). */
export function encodeMeasureCursor(position: { publishedAt: string | null; id: string }): string {
  return Buffer.from(JSON.stringify([position.publishedAt, position.id]), 'utf8').toString('base64url');
}

/** Reads a measure-list cursor this API gave out; anything else is a 400 naming `cursor`. */
export function decodeMeasureCursor(cursor: string): { publishedAt: string; id: string } {
  const invalid = () => new ApiError(400, 'cursor is not a cursor this API gave out (use nextCursor from the previous page as it is)', 'cursor');
  if (!/^[A-Za-z0-9_-]{1,300}$/.test(cursor)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalid();
  const [publishedAt, id] = value as unknown[];
  if (typeof publishedAt !== 'string' || publishedAt.length > 40) throw invalid();
  if (typeof id !== 'string' || id.length === 0 || id.length > 120) throw invalid();
  return { publishedAt, id };
}
