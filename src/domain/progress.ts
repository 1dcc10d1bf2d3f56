/** Progress series: how an instrument's membership grew over time. Pure functions. */
import type { ParticipationAction } from './vocabulary';
import { CONSENT_ACTIONS } from './vocabulary';

export interface ProgressPoint {
  date: string;
  /** Parties that had joined in any way by this date. */
  joined: number;
  /** Parties that had signed by this date. */
  signed: number;
  /** Parties whose consent to be bound (ratification etc.) was deposited by this date. */
  consented: number;
}

/** One point per date on which something happened, cumulative; undated actions are left out. */
export function cumulativeProgress(actions: readonly { partySlug: string; action: ParticipationAction; actedOn: string | null }[]): ProgressPoint[] {
  const dated = actions.filter((a): a is typeof a & { actedOn: string } => a.actedOn !== null).sort((a, b) => a.actedOn.localeCompare(b.actedOn));
  const joined = new Set<string>();
  const signed = new Set<string>();
  const consented = new Set<string>();
  const points: ProgressPoint[] = [];
  for (const a of dated) {
    joined.add(a.partySlug);
    if (a.action === 'signature') signed.add(a.partySlug);
    if (CONSENT_ACTIONS.includes(a.action)) consented.add(a.partySlug);
    const point = { date: a.actedOn, joined: joined.size, signed: signed.size, consented: consented.size };
    if (points.at(-1)?.date === a.actedOn) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}
