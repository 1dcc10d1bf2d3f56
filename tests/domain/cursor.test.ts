/** The open-data API's list cursors: what it gives out reads back the same; anything else is a 400 naming `cursor`. */
import { describe, expect, it } from 'vitest';
import { CURSOR_MAX_LENGTH, decodeCursor, decodeMeasureCursor, encodeCursor, encodeMeasureCursor } from '../../src/lib/api/cursor';
import { MeasuresQuery } from '../../src/lib/api/schemas';
import { ApiError } from '../../src/lib/api/http';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

function refusal(read: () => unknown): ApiError {
  try {
    read();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('read a cursor it should refuse');
}

describe('assessment cursors', () => {
  it('read back the position they were made from', () => {
    for (const position of [{ publishedAt: '2026-11-23T10:00:00.000Z', id: 42 }, { publishedAt: null, id: 0 }]) expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('refuse what the API did not give out, naming cursor', () => {
    for (const cursor of ['not base64!', 'x'.repeat(201), b64({ a: 1 }), b64(['2026-01-01', 1, 2]), b64([5, 1]), b64(['2026-01-01', -1]), b64(['2026-01-01', 1.5]), b64(['2026-01-01', 'm-1']), '%%%', b64(['x'.repeat(41), 1])]) {
      const error = refusal(() => decodeCursor(cursor));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(/^cursor is not a cursor this API gave out/);
    }
    expect(refusal(() => decodeCursor('eyJh')).status).toBe(400); // base64url of a cut-off JSON text
  });
});

describe('measure cursors', () => {
  it('read back the position they were made from', () => {
    const position = { publishedAt: '2026-11-23T10:00:00.000Z', id: 'tha-aoc-1441-2023' };
    expect(decodeMeasureCursor(encodeMeasureCursor(position))).toEqual(position);
  });

  it('refuse an assessment cursor, a missing date and ids out of bounds', () => {
    for (const cursor of [encodeCursor({ publishedAt: '2026-01-01', id: 3 }), b64([null, 'm']), b64(['2026-01-01', '']), b64(['2026-01-01', 'm'.repeat(121)]), 'x'.repeat(301)]) {
      expect(refusal(() => decodeMeasureCursor(cursor)).status).toBe(400);
    }
    // A measure cursor's longer limit: 300 characters of base64url pass the shape check.
    expect(decodeMeasureCursor(b64(['2026-01-01T00:00:00.000Z', 'm'.repeat(120)]))).toEqual({ publishedAt: '2026-01-01T00:00:00.000Z', id: 'm'.repeat(120) });
  });
});

describe('the list endpoints accept every cursor they give out', () => {
  it('the longest measure cursor (a 120-character id, a full timestamp) passes the query schema and reads back', () => {
    const position = { publishedAt: '2026-12-05T14:13:42.123Z', id: `m-${'x'.repeat(118)}` };
    const cursor = encodeMeasureCursor(position);
    expect(cursor.length).toBeGreaterThan(200);
    expect(cursor.length).toBeLessThanOrEqual(CURSOR_MAX_LENGTH);
    expect(MeasuresQuery.safeParse({ cursor }).success).toBe(true);
    expect(decodeMeasureCursor(cursor)).toEqual(position);
    expect(MeasuresQuery.safeParse({ cursor: 'x'.repeat(CURSOR_MAX_LENGTH + 1) }).success).toBe(false);
  });
});
