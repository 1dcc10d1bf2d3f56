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

/**
 * The longest cursor the API gives out or reads: a measure cursor with a 120-character id and a
 * full timestamp is about 210 characters. The list endpoints' query schema accepts this length.
 */
export const CURSOR_MAX_LENGTH = 300;

/** A cursor's two values (the sort key and the id) as base64url JSON. */
function encodePair(publishedAt: string | null, id: number | string): string {
  return Buffer.from(JSON.stringify([publishedAt, id]), 'utf8').toString('base64url');
}

/** A cursor's characters: base64url. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The two values of a cursor of at most `maxLength` characters, unchecked; anything that is not a pair is a 400 naming `cursor`. */
function decodePair(cursor: string, maxLength: number): [unknown, unknown] {
  if (cursor.length > maxLength || !BASE64URL.test(cursor)) throw invalidCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalidCursor();
  return value as [unknown, unknown];
}

function invalidCursor(): ApiError {
  return new ApiError(400, 'cursor is not a cursor this API gave out (use nextCursor from the previous page as it is)', 'cursor');
}

/** The cursor for the page after `position`. */
export function encodeCursor(position: CursorPosition): string {
  return encodePair(position.publishedAt, position.id);
}

/** Reads a cursor this API gave out; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string): CursorPosition {
  const [publishedAt, id] = decodePair(cursor, 200);
  if (!(publishedAt === null || (typeof publishedAt === 'string' && publishedAt.length <= 40))) throw invalidCursor();
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) throw invalidCursor();
  return { publishedAt, id };
}

/** The cursor for the measure list after `position` (measures have text ids). */
export function encodeMeasureCursor(position: { publishedAt: string | null; id: string }): string {
  return encodePair(position.publishedAt, position.id);
}

/** Reads a measure-list cursor this API gave out; anything else is a 400 naming `cursor`. */
export function decodeMeasureCursor(cursor: string): { publishedAt: string; id: string } {
  const [publishedAt, id] = decodePair(cursor, CURSOR_MAX_LENGTH);
  if (typeof publishedAt !== 'string' || publishedAt.length > 40) throw invalidCursor();
  if (typeof id !== 'string' || id.length === 0 || id.length > 120) throw invalidCursor();
  return { publishedAt, id };
}
