/**
 * What changed between two dates, for a party, an instrument or everything: status changes,
 * new and changed evidence, score changes, and the steps parties recorded (treaty actions,
 * domestic steps) in the window. Pure.
 *
 * Each day is seen as the monitor published it: an assessment counts on a day when it is dated
 * on or before it and was published by its end (`isShownOn`). The caller reads two bounded
 * sets: the assessments that counted on `from` (at least the latest per party, commitment and
 * assessor shown then, for every key that changed), and every published assessment shown on
 * `to` but not on `from` (dated in the window, or published in it). The state on `to` is the
 * first set updated with the second, by the same rule the scorecards use (latest `asOf`, then
 * publication time, then id), so the scores here equal the scorecards' on both days, and a
 * report whose `to` is past never changes.
 */
import type { Applicable } from './aggregate';
import { assessmentKey, currentAssessments, isShownOn, scoreStatuses, type Score, type ScoredAssessment } from './scoring';
import { ASSESSORS, type Assessor, type Confidence, type EvidenceGrade, type Status } from './vocabulary';

/** A document an assessment cites. */
export interface EvidenceRef {
  id: number;
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  grade: EvidenceGrade;
  /** How sure the monitor is of what the document states, and the day it was last read (null on older rows). */
  confidence?: Confidence | null;
  checkedOn?: string | null;
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
  /** Assessments that may count on `from`; rows not shown on `from` are ignored. */
  before: readonly HistoryAssessment[];
  /** Assessments shown on `to` and not on `from`; other rows are ignored. */
  window: readonly HistoryAssessment[];
  /** Report each party's overall score as well as its score per instrument. */
  includeOverall: boolean;
  /** Dated steps of the scope's parties (treaty actions, domestic steps); those dated in (`from`, `to`] are listed. */
  steps?: readonly RecordedStep[];
}

/**
 * A dated step a party took, as a fact row records it: a treaty action (signature,
 * ratification …) or a domestic step on the way. `kind` names the record it comes from, so
 * that a new kind of step needs no change here.
 */
export interface RecordedStep {
  kind: string;
  partySlug: string;
  instrumentSlug: string | null;
  /** The action or step, in the project's vocabulary (e.g. `ratification`). */
  step: string;
  on: string;
  sourceUrl: string | null;
  sourcePublisher: string | null;
}

/** A document cited again, in the window, for the same party, commitment and assessor, with a different title, publisher, date or grade. */
export interface ChangedEvidence {
  partySlug: string;
  commitmentCode: string;
  assessor: Assessor;
  assessmentId: number;
  asOf: string;
  before: EvidenceRef;
  after: EvidenceRef;
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
  changedEvidence: ChangedEvidence[];
  steps: RecordedStep[];
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The changes between `from` and `to` (from must not be after to). */
export function diffChanges(input: ChangeInput): ChangeReport {
  const { from, to } = input;
  if (from > to) throw new RangeError(`from (${from}) is after to (${to})`);
  const before = input.before.filter((a) => isShownOn(a, from));
  const window = input.window.filter((a) => isShownOn(a, to) && !isShownOn(a, from));
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
  // the same URL: neither the one that counted on `from`, nor one earlier in the window. It is
  // changed when it was cited before and is cited again described differently.
  const cited = new Map<string, Map<string, EvidenceRef>>();
  for (const [key, then] of atFrom) cited.set(key, new Map(then.evidence.map((e) => [e.url, e])));
  const newEvidence: NewEvidence[] = [];
  const changedEvidence: ChangedEvidence[] = [];
  const chronological = [...window].sort((a, b) => byText(a.asOf, b.asOf) || byText(a.publishedAt ?? '', b.publishedAt ?? '') || a.id - b.id);
  for (const a of chronological) {
    const key = assessmentKey(a.partySlug, a.commitmentCode, a.assessor);
    const seen = cited.get(key) ?? new Map<string, EvidenceRef>();
    cited.set(key, seen);
    const where = { partySlug: a.partySlug, commitmentCode: a.commitmentCode, assessor: a.assessor, assessmentId: a.id, asOf: a.asOf };
    for (const e of a.evidence) {
      const earlier = seen.get(e.url);
      seen.set(e.url, e);
      if (!earlier) newEvidence.push({ ...where, evidence: e });
      else if (describedDifferently(earlier, e)) changedEvidence.push({ ...where, before: earlier, after: e });
    }
  }

  const steps = (input.steps ?? [])
    .filter((s) => s.on > from && s.on <= to)
    .sort((a, b) => byText(a.on, b.on) || byText(a.partySlug, b.partySlug) || byText(a.instrumentSlug ?? '', b.instrumentSlug ?? '') || byText(a.kind, b.kind) || byText(a.step, b.step));

  return { from, to, scoreChanges: diffScores(input.applicable, atFrom, atTo, input.includeOverall), statusChanges, newEvidence, changedEvidence, steps };
}

function describedDifferently(a: EvidenceRef, b: EvidenceRef): boolean {
  return a.title !== b.title || a.publisher !== b.publisher || a.publishedOn !== b.publishedOn || a.grade !== b.grade;
}

/** One party's changes on one instrument (`instrumentSlug` null: its overall score, and anything not tied to an instrument). */
export interface ChangeGroup {
  partySlug: string;
  instrumentSlug: string | null;
  scoreChanges: ScoreChange[];
  statusChanges: StatusChange[];
  newEvidence: NewEvidence[];
  changedEvidence: ChangedEvidence[];
  steps: RecordedStep[];
}

/**
 * The report grouped by party, then instrument (a delegate's briefing reads it that way):
 * parties in code order, within each the overall group first, then instruments in code order.
 * `instrumentOf` tells a commitment's instrument.
 */
export function groupChanges(report: ChangeReport, instrumentOf: (commitmentCode: string) => string | undefined): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  const group = (partySlug: string, instrumentSlug: string | null) => {
    const id = `${partySlug}|${instrumentSlug ?? ''}`;
    let found = groups.get(id);
    if (!found) groups.set(id, (found = { partySlug, instrumentSlug, scoreChanges: [], statusChanges: [], newEvidence: [], changedEvidence: [], steps: [] }));
    return found;
  };
  for (const c of report.scoreChanges) group(c.partySlug, c.instrumentSlug).scoreChanges.push(c);
  for (const c of report.statusChanges) group(c.partySlug, instrumentOf(c.commitmentCode) ?? null).statusChanges.push(c);
  for (const e of report.newEvidence) group(e.partySlug, instrumentOf(e.commitmentCode) ?? null).newEvidence.push(e);
  for (const e of report.changedEvidence) group(e.partySlug, instrumentOf(e.commitmentCode) ?? null).changedEvidence.push(e);
  for (const s of report.steps) group(s.partySlug, s.instrumentSlug).steps.push(s);
  return [...groups.values()].sort(
    (a, b) => byText(a.partySlug, b.partySlug) || (a.instrumentSlug === null ? -1 : 0) - (b.instrumentSlug === null ? -1 : 0) || byText(a.instrumentSlug ?? '', b.instrumentSlug ?? ''),
  );
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
