/**
 * The scoring engine: turns published assessments into scores. Pure functions, no I/O.
 *
 * Rules (methodology version below; /methodology says the same in plain words):
 *  - Each status maps to a completion value: not_started 0, limited 1/3, substantial 2/3,
 *    complete 1. `no_evidence` means "not yet rated" and `not_applicable` takes the
 *    commitment out of the count: neither counts as 0.
 *  - For each party, commitment and assessor, the assessment that counts on a given day is
 *    the latest published one whose `asOf` is on or before that day (ties: the later
 *    publication, then the higher id).
 *  - A score is the mean over rated applicable commitments; coverage (rated / applicable)
 *    is always reported beside it. With nothing rated the score is null, never 0.
 *  - Self-reported and independent assessments are scored apart and never blended.
 *  - A commitment is overdue when its due date has passed and its current status (the most
 *    recent assessment of either assessor) is neither complete nor not applicable.
 */
import { endOfDayIso } from './dates';
import type { Assessor, Status, Theme } from './vocabulary';
import { ASSESSORS } from './vocabulary';

/** Stamped on every computed score so that a score can be traced to the rules that made it. */
export const METHODOLOGY_VERSION = '1.0';

/** The completion value of each status; null for statuses that are not scored. */
export const STATUS_VALUE: Record<Status, number | null> = {
  no_evidence: null,
  not_started: 0,
  limited: 1 / 3,
  substantial: 2 / 3,
  complete: 1,
  not_applicable: null,
};

/** A published assessment, reduced to what scoring needs. */
export interface ScoredAssessment {
  id: number;
  partySlug: string;
  commitmentCode: string;
  status: Status;
  assessor: Assessor;
  asOf: string;
  publishedAt: string | null;
}

/** A commitment, reduced to what scoring needs. */
export interface ScoredCommitment {
  code: string;
  instrumentSlug: string;
  theme: Theme;
  dueOn: string | null;
}

/** A score with its coverage. `score` and `coverage` are fractions from 0 to 1, or null. */
export interface Score {
  score: number | null;
  rated: number;
  applicable: number;
  coverage: number | null;
  methodologyVersion: string;
}

/** True when `a` should be displayed in preference to `b` (both for the same party, commitment and assessor). */
export function isNewer(a: ScoredAssessment, b: ScoredAssessment): boolean {
  if (a.asOf !== b.asOf) return a.asOf > b.asOf;
  const pa = a.publishedAt ?? '';
  const pb = b.publishedAt ?? '';
  if (pa !== pb) return pa > pb;
  return a.id > b.id;
}

/**
 * True when the monitor shows `assessment` on `day`: it describes that day or an earlier one,
 * and was published by the end of that day (UTC; a row without a stamp counts as published on
 * its own date). An assessment published later, even one dated earlier, never changes the
 * view of a past day: what a permalink cites stays what it showed.
 */
export function isShownOn(assessment: Pick<ScoredAssessment, 'asOf' | 'publishedAt'>, day: string): boolean {
  return assessment.asOf <= day && (assessment.publishedAt ?? assessment.asOf) <= endOfDayIso(day);
}

/** The first day whose view shows `assessment`: its own date, or the day it was published when that is later (UTC). */
export function firstShownDay(assessment: Pick<ScoredAssessment, 'asOf' | 'publishedAt'>): string {
  const published = assessment.publishedAt?.slice(0, 10) ?? assessment.asOf;
  return published > assessment.asOf ? published : assessment.asOf;
}

/**
 * The assessments that count on `asOfDate` (all, whatever their dates, when omitted), keyed by
 * `party|commitment|assessor`: the latest of those shown on that day (`isShownOn`).
 */
export function currentAssessments<T extends ScoredAssessment>(assessments: readonly T[], asOfDate?: string): Map<string, T> {
  const current = new Map<string, T>();
  for (const assessment of assessments) {
    if (asOfDate !== undefined && !isShownOn(assessment, asOfDate)) continue;
    const key = assessmentKey(assessment.partySlug, assessment.commitmentCode, assessment.assessor);
    const held = current.get(key);
    if (!held || isNewer(assessment, held)) current.set(key, assessment);
  }
  return current;
}

/** The key `currentAssessments` files an assessment under. */
export function assessmentKey(partySlug: string, commitmentCode: string, assessor: Assessor): string {
  return `${partySlug}|${commitmentCode}|${assessor}`;
}

/** Scores a set of applicable commitments given the status that counts for each (undefined: never assessed). */
export function scoreStatuses(statuses: readonly (Status | undefined)[]): Score {
  let applicable = 0;
  let rated = 0;
  let sum = 0;
  for (const status of statuses) {
    if (status === 'not_applicable') continue;
    applicable += 1;
    const value = status === undefined ? null : STATUS_VALUE[status];
    if (value === null) continue;
    rated += 1;
    sum += value;
  }
  return {
    score: rated === 0 ? null : sum / rated,
    rated,
    applicable,
    coverage: applicable === 0 ? null : rated / applicable,
    methodologyVersion: METHODOLOGY_VERSION,
  };
}

/** One party's scores from one assessor's point of view. */
export interface AssessorScores {
  assessor: Assessor;
  overall: Score;
  byInstrument: Record<string, Score>;
  byTheme: Partial<Record<Theme, Score>>;
}

/** The current state of one applicable commitment for one party. */
export interface CommitmentState<T extends ScoredAssessment = ScoredAssessment> {
  commitment: ScoredCommitment;
  byAssessor: Partial<Record<Assessor, T>>;
  /** The most recent assessment of either assessor, for display and the overdue flag. */
  latest: T | null;
  overdue: boolean;
}

/** A party's full set of scores on a day. */
export interface PartyScores<T extends ScoredAssessment = ScoredAssessment> {
  asOf: string;
  methodologyVersion: string;
  commitments: CommitmentState<T>[];
  byAssessor: Record<Assessor, AssessorScores>;
}

/**
 * Scores one party: `commitments` are those that apply to it, `assessments` its published
 * assessments (any dates; those after `asOfDate` are ignored).
 */
export function scoreParty<T extends ScoredAssessment>(
  partySlug: string,
  commitments: readonly ScoredCommitment[],
  assessments: readonly T[],
  asOfDate: string,
): PartyScores<T> {
  const current = currentAssessments(
    assessments.filter((a) => a.partySlug === partySlug),
    asOfDate,
  );
  const states: CommitmentState<T>[] = commitments.map((commitment) => {
    const byAssessor: Partial<Record<Assessor, T>> = {};
    let latest: T | null = null;
    for (const assessor of ASSESSORS) {
      const found = current.get(assessmentKey(partySlug, commitment.code, assessor));
      if (!found) continue;
      byAssessor[assessor] = found;
      if (!latest || isNewer(found, latest)) latest = found;
    }
    return { commitment, byAssessor, latest, overdue: isOverdue(commitment.dueOn, latest?.status, asOfDate) };
  });

  const byAssessor = {} as Record<Assessor, AssessorScores>;
  for (const assessor of ASSESSORS) {
    const statusOf = (state: CommitmentState<T>) => state.byAssessor[assessor]?.status;
    const byInstrument: Record<string, Score> = {};
    for (const [slug, group] of groupBy(states, (s) => s.commitment.instrumentSlug)) {
      byInstrument[slug] = scoreStatuses(group.map(statusOf));
    }
    const byTheme: Partial<Record<Theme, Score>> = {};
    for (const [theme, group] of groupBy(states, (s) => s.commitment.theme)) {
      byTheme[theme] = scoreStatuses(group.map(statusOf));
    }
    byAssessor[assessor] = { assessor, overall: scoreStatuses(states.map(statusOf)), byInstrument, byTheme };
  }
  return { asOf: asOfDate, methodologyVersion: METHODOLOGY_VERSION, commitments: states, byAssessor };
}

/** Overdue: the due date has passed and the current status is neither complete nor not applicable. */
export function isOverdue(dueOn: string | null, status: Status | undefined, asOfDate: string): boolean {
  if (!dueOn || dueOn >= asOfDate) return false;
  return status !== 'complete' && status !== 'not_applicable';
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
