/**
 * What changed between two dates, for a party or an instrument: status changes, new evidence
 * and score changes, from the published assessment history. Pure.
 *
 * The caller reads two bounded sets: the assessments that counted on `from` (at least the
 * latest per party, commitment and assessor with `asOf` on or before `from`), and every
 * published assessment with `asOf` in the window (`from` < asOf <= `to`). The state on `to` is
 * the first set updated with the second, by the same rule the scorecards use (latest `asOf`,
 * then publication time, then id), so the scores here equal the scorecards' on both days.
 */
import type { Applicable } from './aggregate';
import { assessmentKey, currentAssessments, scoreStatuses, type Score, type ScoredAssessment } from './scoring';
import { ASSESSORS, type Assessor, type EvidenceGrade, type Status } from './vocabulary';

/** A document an assessment cites. */
export interface EvidenceRef {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  grade: EvidenceGrade;
}

/** A published assessment with its evidence, in stated order. */
export interface HistoryAssessment extends ScoredAssessment {
  evidence: readonly EvidenceRef[];
}

export interface ChangeInput {
  from: string;
  to: string;
  /** Which commitments apply to which parties (the scope's parties and commitments). */
  applicable: readonly Applicable[];
  /** Assessments that may count on `from`; rows with `asOf` after `from` are ignored. */
  before: readonly HistoryAssessment[];
  /** Assessments with `from` < asOf <= `to`; rows outside the window are ignored. */
  window: readonly HistoryAssessment[];
  /** Report each party's overall score as well as its score per instrument. */
  includeOverall: boolean;
}

/** The status that counts for one party, commitment and assessor changed (`before` null: first assessment). */
export interface StatusChange {
  partySlug: string;
  commitmentCode: string;
  assessor: Assessor;
  before: Status | null;
  after: Status;
  previousAssessmentId: number | null;
  assessmentId: number;
  asOf: string;
}

/** A document first cited, in the window, for one party, commitment and assessor. */
export interface NewEvidence {
  partySlug: string;
  commitmentCode: string;
  assessor: Assessor;
  assessmentId: number;
  asOf: string;
  evidence: EvidenceRef;
}

/** A score (or its coverage) that differs between the two days; `instrumentSlug` null is the overall score. */
export interface ScoreChange {
  partySlug: string;
  instrumentSlug: string | null;
  assessor: Assessor;
  before: Score;
  after: Score;
}

export interface ChangeReport {
  from: string;
  to: string;
  scoreChanges: ScoreChange[];
  statusChanges: StatusChange[];
  newEvidence: NewEvidence[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The changes between `from` and `to` (from must not be after to). */
export function diffChanges(input: ChangeInput): ChangeReport {
  const { from, to } = input;
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  const before = input.before.filter((a) => a.asOf <= from);
  const window = input.window.filter((a) => a.asOf > from && a.asOf <= to);
  const atFrom = currentAssessments(before, from);
  const atTo = currentAssessments([...atFrom.values(), ...window], to);

  const statusChanges: StatusChange[] = [];
  for (const [key, now] of atTo) {
    const then = atFrom.get(key);
    if (then && then.status === now.status) continue;
    statusChanges.push({
      partySlug: now.partySlug,
      commitmentCode: now.commitmentCode,
      assessor: now.assessor,
      before: then?.status ?? null,
      after: now.status,
      previousAssessmentId: then?.id ?? null,
      assessmentId: now.id,
      asOf: now.asOf,
    });
  }
  statusChanges.sort((a, b) => byText(a.partySlug, b.partySlug) || byText(a.commitmentCode, b.commitmentCode) || ASSESSORS.indexOf(a.assessor) - ASSESSORS.indexOf(b.assessor));

  // Evidence is new when no earlier assessment of the same party, commitment and assessor cited
  // the same URL: neither the one that counted on `from`, nor one earlier in the window.
  const cited = new Map<string, Set<string>>();
  for (const [key, then] of atFrom) cited.set(key, new Set(then.evidence.map((e) => e.url)));
  const newEvidence: NewEvidence[] = [];
  const chronological = [...window].sort((a, b) => byText(a.asOf, b.asOf) || byText(a.publishedAt ?? '', b.publishedAt ?? '') || a.id - b.id);
  for (const a of chronological) {
    const key = assessmentKey(a.partySlug, a.commitmentCode, a.assessor);
    const seen = cited.get(key) ?? new Set<string>();
    cited.set(key, seen);
    for (const e of a.evidence) {
      if (seen.has(e.url)) continue;
      seen.add(e.url);
      newEvidence.push({ partySlug: a.partySlug, commitmentCode: a.commitmentCode, assessor: a.assessor, assessmentId: a.id, asOf: a.asOf, evidence: e });
    }
  }

  return { from, to, scoreChanges: diffScores(input.applicable, atFrom, atTo, input.includeOverall), statusChanges, newEvidence };
}

function diffScores(
  applicable: readonly Applicable[],
  atFrom: Map<string, HistoryAssessment>,
  atTo: Map<string, HistoryAssessment>,
  includeOverall: boolean,
): ScoreChange[] {
  // Groups of commitment codes per party, overall and per instrument, each code once.
  const groups = new Map<string, { partySlug: string; instrumentSlug: string | null; codes: Set<string> }>();
  const add = (partySlug: string, instrumentSlug: string | null, code: string) => {
    const id = `${partySlug}|${instrumentSlug ?? ''}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { partySlug, instrumentSlug, codes: new Set() }));
    group.codes.add(code);
  };
  for (const a of applicable) {
    if (includeOverall) add(a.partySlug, null, a.commitmentCode);
    add(a.partySlug, a.instrumentSlug, a.commitmentCode);
  }
  const changes: ScoreChange[] = [];
  for (const group of groups.values()) {
    for (const assessor of ASSESSORS) {
      const statuses = (state: Map<string, HistoryAssessment>) => [...group.codes].map((code) => state.get(assessmentKey(group.partySlug, code, assessor))?.status);
      const then = scoreStatuses(statuses(atFrom));
      const now = scoreStatuses(statuses(atTo));
      if (then.score === now.score && then.rated === now.rated && then.applicable === now.applicable) continue;
      changes.push({ partySlug: group.partySlug, instrumentSlug: group.instrumentSlug, assessor, before: then, after: now });
    }
  }
  return changes.sort(
    (a, b) =>
      byText(a.partySlug, b.partySlug) ||
      (a.instrumentSlug === null ? -1 : 0) - (b.instrumentSlug === null ? -1 : 0) ||
      byText(a.instrumentSlug ?? '', b.instrumentSlug ?? '') ||
      ASSESSORS.indexOf(a.assessor) - ASSESSORS.indexOf(b.assessor),
  );
}
