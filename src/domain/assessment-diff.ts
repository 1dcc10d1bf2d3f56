/**
 * What a submitted assessment changes against the last published one for the same party,
 * commitment and assessor: the status, the as-of date, the narrative, and the evidence
 * added or removed (a piece of evidence is the same when its address is the same; a changed
 * title, publisher, date or grade for the same address counts as changed).
 */
import type { EvidenceGrade, Status } from './vocabulary';

/** The parts of an assessment a reviewer compares. */
export interface DiffableAssessment {
  status: Status;
  asOf: string;
  narrativeEn: string;
  narrativeTh: string | null;
  evidence: readonly DiffableEvidence[];
}

export interface DiffableEvidence {
  url: string;
  title: string;
  publisher: string;
  publishedOn: string | null;
  grade: EvidenceGrade;
}

export interface FieldChange<T> {
  before: T | null;
  after: T;
  changed: boolean;
}

export interface AssessmentDiff {
  /** True when there is no published assessment to compare with. */
  first: boolean;
  status: FieldChange<Status>;
  asOf: FieldChange<string>;
  narrative: FieldChange<string>;
  narrativeTh: FieldChange<string | null>;
  added: DiffableEvidence[];
  removed: DiffableEvidence[];
  changed: { before: DiffableEvidence; after: DiffableEvidence }[];
  unchanged: DiffableEvidence[];
}

const sameEvidence = (a: DiffableEvidence, b: DiffableEvidence) =>
  a.title === b.title && a.publisher === b.publisher && (a.publishedOn ?? null) === (b.publishedOn ?? null) && a.grade === b.grade;

function field<T>(before: T | null | undefined, after: T, hasBefore: boolean): FieldChange<T> {
  const prior = hasBefore ? (before ?? null) : null;
  return { before: prior, after, changed: !hasBefore || prior !== after };
}

/** Compares a submitted assessment (`next`) with the last published one (`previous`, or null). */
export function diffAssessments(previous: DiffableAssessment | null, next: DiffableAssessment): AssessmentDiff {
  const has = previous !== null;
  const before = new Map((previous?.evidence ?? []).map((e) => [e.url, e]));
  const after = new Map(next.evidence.map((e) => [e.url, e]));
  const added: DiffableEvidence[] = [];
  const changed: AssessmentDiff['changed'] = [];
  const unchanged: DiffableEvidence[] = [];
  for (const item of next.evidence) {
    const old = before.get(item.url);
    if (!old) added.push(item);
    else if (sameEvidence(old, item)) unchanged.push(item);
    else changed.push({ before: old, after: item });
  }
  const removed = (previous?.evidence ?? []).filter((e) => !after.has(e.url));
  return {
    first: !has,
    status: field(previous?.status, next.status, has),
    asOf: field(previous?.asOf, next.asOf, has),
    narrative: field(previous?.narrativeEn, next.narrativeEn, has),
    narrativeTh: field(previous?.narrativeTh ?? null, next.narrativeTh ?? null, has),
    added,
    removed,
    changed,
    unchanged,
  };
}
