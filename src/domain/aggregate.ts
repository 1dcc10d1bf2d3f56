/** Scores for many parties at once (map, theme pages), from pre-reduced current statuses. Pure. */
import { scoreStatuses, type Score } from './scoring';
import type { Assessor, Status, Theme } from './vocabulary';
import { ASSESSORS } from './vocabulary';

/** The current (latest published) status of one party on one commitment from one assessor. */
export interface LatestStatus {
  assessmentId: number;
  partySlug: string;
  commitmentCode: string;
  status: Status;
  assessor: Assessor;
  asOf: string;
}

/** A commitment that applies to a party. */
export interface Applicable {
  partySlug: string;
  commitmentCode: string;
  instrumentSlug: string;
  theme: Theme;
}

/** Each party's score per assessor over the applicable commitments given. */
export function scoreManyParties(applicable: readonly Applicable[], latest: readonly LatestStatus[]): Map<string, Record<Assessor, Score>> {
  const statusOf = new Map(latest.map((l) => [`${l.partySlug}|${l.commitmentCode}|${l.assessor}`, l.status]));
  const byParty = new Map<string, string[]>();
  for (const a of applicable) {
    const codes = byParty.get(a.partySlug);
    if (codes) {
      if (!codes.includes(a.commitmentCode)) codes.push(a.commitmentCode);
    } else byParty.set(a.partySlug, [a.commitmentCode]);
  }
  const result = new Map<string, Record<Assessor, Score>>();
  for (const [party, codes] of byParty) {
    const scores = {} as Record<Assessor, Score>;
    for (const assessor of ASSESSORS) {
      scores[assessor] = scoreStatuses(codes.map((code) => statusOf.get(`${party}|${code}|${assessor}`)));
    }
    result.set(party, scores);
  }
  return result;
}

/** For a heatmap cell: the independent status when there is one, else the self-reported one. */
export function preferIndependent(latest: readonly LatestStatus[]): Map<string, LatestStatus> {
  const cells = new Map<string, LatestStatus>();
  for (const l of latest) {
    const key = `${l.partySlug}|${l.commitmentCode}`;
    const held = cells.get(key);
    if (!held || (held.assessor !== 'independent' && l.assessor === 'independent')) cells.set(key, l);
  }
  return cells;
}
