/** Reservations and declarations as stored: a JSON array of {article, summaryEn, summaryTh} in a text column, or null. */
import type { TreatyStatement } from '../domain/content-schema';

/** The reservations, then the declarations, of one treaty-action row. */
export function parseStatements(row: { reservations: string | null; declarations: string | null }): TreatyStatement[] {
  return [row.reservations, row.declarations].flatMap((json) => (json ? (JSON.parse(json) as TreatyStatement[]) : []));
}
