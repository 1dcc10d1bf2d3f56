/**
 * The series the monitor charts, built from its records (pure): a treaty's parties over time
 * (signatures, parties with a domestic step, deposits), and an indicator's observations with
 * the groups of comparable ones.
 */
import type { TimePoint } from './chart-layout';
import type { ParticipationAction } from './vocabulary';
import { CONSENT_ACTIONS } from './vocabulary';

/** Running counts of distinct parties by date: one point per date on which the count grew. */
export function runningPartyCount(events: readonly { partySlug: string; date: string | null }[]): TimePoint[] {
  const dated = events.filter((e): e is { partySlug: string; date: string } => e.date !== null).sort((a, b) => a.date.localeCompare(b.date));
  const seen = new Set<string>();
  const points: TimePoint[] = [];
  for (const e of dated) {
    if (seen.has(e.partySlug)) continue;
    seen.add(e.partySlug);
    if (points.at(-1)?.date === e.date) points.at(-1)!.value = seen.size;
    else points.push({ date: e.date, value: seen.size });
  }
  return points;
}

/** A treaty's three running counts: signatures, parties with a domestic step, deposits of consent. */
export function treatyProgressSeries(
  actions: readonly { partySlug: string; action: ParticipationAction; actedOn: string | null }[],
  steps: readonly { partySlug: string; takenOn: string | null }[],
): { signatures: TimePoint[]; domesticSteps: TimePoint[]; deposits: TimePoint[] } {
  return {
    signatures: runningPartyCount(actions.filter((a) => a.action === 'signature').map((a) => ({ partySlug: a.partySlug, date: a.actedOn }))),
    domesticSteps: runningPartyCount(steps.map((s) => ({ partySlug: s.partySlug, date: s.takenOn }))),
    deposits: runningPartyCount(actions.filter((a) => CONSENT_ACTIONS.includes(a.action)).map((a) => ({ partySlug: a.partySlug, date: a.actedOn }))),
  };
}

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

/**
 * The running counts of several step series as table rows: one row per date on which any of
 * them changed, each count as it stood that day (0 before the series' first event).
 */
export function runningCountRows(series: readonly { points: readonly TimePoint[] }[]): { date: string; counts: number[] }[] {
  const dates = [...new Set(series.flatMap((s) => s.points.map((p) => p.date)))].sort();
  return dates.map((date) => ({
    date,
    counts: series.map((s) => s.points.filter((p) => p.date <= date).at(-1)?.value ?? 0),
  }));
}
