/**
 * The series the monitor charts, built from its records (pure): an indicator's observations
 * with the groups of comparable ones. (A treaty's parties over time are counted in
 * src/domain/record-progress.ts.)
 */
import type { TimePoint } from './chart-layout';

/**
 * An indicator's observations as chart points. Two observations are comparable (joined by a
 * line) when both count from the same known start of period and come from the same publisher;
 * an observation with no start of period stands alone.
 */
export function indicatorPoints(values: readonly { periodStart: string | null; periodEnd: string; value: number; valueHigh: number | null; sourcePublisher: string | null }[]): TimePoint[] {
  return values.map((v) => ({
    date: v.periodEnd,
    value: v.value,
    high: v.valueHigh,
    group: v.periodStart ? `${v.periodStart}|${v.sourcePublisher ?? ''}` : null,
  }));
}
