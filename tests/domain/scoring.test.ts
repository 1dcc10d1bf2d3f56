import { describe, expect, it } from 'vitest';
import {
  METHODOLOGY_VERSION,
  currentAssessments,
  isOverdue,
  scoreParty,
  scoreStatuses,
  type ScoredAssessment,
  type ScoredCommitment,
} from '../../src/domain/scoring';
import type { Assessor, Status, Theme } from '../../src/domain/vocabulary';

let nextId = 1;
function assessment(commitmentCode: string, status: Status, asOf: string, extra: Partial<ScoredAssessment> = {}): ScoredAssessment {
  return {
    id: nextId++,
    partySlug: 'tha',
    commitmentCode,
    status,
    assessor: 'independent' as Assessor,
    asOf,
    publishedAt: `${asOf}T12:00:00.000Z`,
    ...extra,
  };
}
function commitment(code: string, instrumentSlug = 'bjs', theme: Theme = 'financial_flows', dueOn: string | null = null): ScoredCommitment {
  return { code, instrumentSlug, theme, dueOn };
}

describe('scoreStatuses', () => {
  it('maps statuses to 0, 1/3, 2/3 and 1 and averages them', () => {
    const s = scoreStatuses(['not_started', 'limited', 'substantial', 'complete']);
    expect(s.score).toBeCloseTo((0 + 1 / 3 + 2 / 3 + 1) / 4);
    expect(s.rated).toBe(4);
    expect(s.applicable).toBe(4);
    expect(s.coverage).toBe(1);
    expect(s.methodologyVersion).toBe(METHODOLOGY_VERSION);
  });

  it('does not count no_evidence or unassessed as zero, but lowers coverage', () => {
    const s = scoreStatuses(['complete', 'no_evidence', undefined]);
    expect(s.score).toBe(1);
    expect(s.rated).toBe(1);
    expect(s.applicable).toBe(3);
    expect(s.coverage).toBeCloseTo(1 / 3);
  });

  it('leaves not_applicable out of both score and coverage', () => {
    const s = scoreStatuses(['limited', 'not_applicable']);
    expect(s.applicable).toBe(1);
    expect(s.coverage).toBe(1);
    expect(s.score).toBeCloseTo(1 / 3);
  });

  it('gives null score and null coverage when everything is not applicable', () => {
    const s = scoreStatuses(['not_applicable', 'not_applicable']);
    expect(s).toMatchObject({ score: null, coverage: null, rated: 0, applicable: 0 });
  });

  it('gives a null score, not 0, when nothing is rated', () => {
    const s = scoreStatuses([undefined, undefined]);
    expect(s.score).toBeNull();
    expect(s.coverage).toBe(0);
  });

  it('a not_started commitment counts as 0', () => {
    expect(scoreStatuses(['not_started']).score).toBe(0);
  });
});

describe('currentAssessments', () => {
  it('keeps the latest assessment on or before the day asked for', () => {
    const old = assessment('BJS-1', 'limited', '2025-01-01');
    const newer = assessment('BJS-1', 'complete', '2026-01-01');
    const asOf2025 = currentAssessments([old, newer], '2025-06-30');
    expect([...asOf2025.values()]).toEqual([old]);
    const now = currentAssessments([newer, old]);
    expect([...now.values()]).toEqual([newer]);
  });

  it('breaks a tie on the same date by publication time, then by id', () => {
    const first = assessment('BJS-1', 'limited', '2025-05-01', { publishedAt: '2025-05-02T00:00:00Z' });
    const second = assessment('BJS-1', 'substantial', '2025-05-01', { publishedAt: '2025-05-03T00:00:00Z' });
    expect([...currentAssessments([second, first]).values()]).toEqual([second]);
    const a = assessment('BJS-2', 'limited', '2025-05-01', { publishedAt: null });
    const b = assessment('BJS-2', 'complete', '2025-05-01', { publishedAt: null });
    expect([...currentAssessments([b, a]).values()]).toEqual([b]);
  });

  it('keeps self-reported and independent assessments apart', () => {
    const self = assessment('BJS-1', 'complete', '2025-05-01', { assessor: 'self_reported' });
    const indep = assessment('BJS-1', 'limited', '2025-04-01', { assessor: 'independent' });
    expect(currentAssessments([self, indep]).size).toBe(2);
  });
});

describe('scoreParty', () => {
  const commitments = [
    commitment('BJS-1', 'bjs', 'political_commitment'),
    commitment('BJS-2', 'bjs', 'financial_flows'),
    commitment('UNCC-13', 'uncc', 'legal_framework'),
  ];

  it('scores with no assessments at all: null scores, zero coverage', () => {
    const result = scoreParty('tha', commitments, [], '2026-01-01');
    expect(result.byAssessor.independent.overall).toMatchObject({ score: null, rated: 0, applicable: 3, coverage: 0 });
    expect(result.commitments.every((c) => c.latest === null)).toBe(true);
  });

  it('scores per instrument and per theme, and never blends assessors', () => {
    const rows = [
      assessment('BJS-1', 'complete', '2025-12-20', { assessor: 'self_reported' }),
      assessment('BJS-1', 'limited', '2025-12-20', { assessor: 'independent' }),
      assessment('BJS-2', 'substantial', '2025-12-20', { assessor: 'independent' }),
    ];
    const result = scoreParty('tha', commitments, rows, '2026-01-01');
    const indep = result.byAssessor.independent;
    expect(indep.byInstrument.bjs!.score).toBeCloseTo((1 / 3 + 2 / 3) / 2);
    expect(indep.byInstrument.uncc).toMatchObject({ score: null, coverage: 0 });
    expect(indep.byTheme.financial_flows!.score).toBeCloseTo(2 / 3);
    expect(indep.overall.coverage).toBeCloseTo(2 / 3);
    const self = result.byAssessor.self_reported;
    expect(self.overall.score).toBe(1);
    expect(self.overall.rated).toBe(1);
  });

  it('ignores other parties’ assessments', () => {
    const rows = [assessment('BJS-1', 'complete', '2025-12-20', { partySlug: 'npl' })];
    expect(scoreParty('tha', commitments, rows, '2026-01-01').byAssessor.independent.overall.rated).toBe(0);
  });

  it('scores as of a past date from the history', () => {
    const rows = [assessment('BJS-1', 'limited', '2025-01-01'), assessment('BJS-1', 'complete', '2026-01-01')];
    expect(scoreParty('tha', commitments, rows, '2025-12-31').byAssessor.independent.overall.score).toBeCloseTo(1 / 3);
    expect(scoreParty('tha', commitments, rows, '2026-01-01').byAssessor.independent.overall.score).toBe(1);
    expect(scoreParty('tha', commitments, rows, '2024-12-31').byAssessor.independent.overall.score).toBeNull();
  });

  it('flags an overdue commitment from the most recent assessment of either assessor', () => {
    const due = [commitment('BJS-9', 'bjs', 'capacity_building', '2025-06-30')];
    const limited = [assessment('BJS-9', 'limited', '2025-03-01')];
    expect(scoreParty('tha', due, limited, '2025-07-01').commitments[0]!.overdue).toBe(true);
    expect(scoreParty('tha', due, limited, '2025-06-30').commitments[0]!.overdue).toBe(false);
    const done = [...limited, assessment('BJS-9', 'complete', '2025-07-15', { assessor: 'self_reported' })];
    expect(scoreParty('tha', due, done, '2025-08-01').commitments[0]!.overdue).toBe(false);
  });
});

describe('isOverdue', () => {
  it('is false without a due date, before it, and for complete or not applicable', () => {
    expect(isOverdue(null, undefined, '2030-01-01')).toBe(false);
    expect(isOverdue('2030-01-01', undefined, '2029-12-31')).toBe(false);
    expect(isOverdue('2020-01-01', 'complete', '2030-01-01')).toBe(false);
    expect(isOverdue('2020-01-01', 'not_applicable', '2030-01-01')).toBe(false);
    expect(isOverdue('2020-01-01', undefined, '2030-01-01')).toBe(true);
    expect(isOverdue('2020-01-01', 'no_evidence', '2030-01-01')).toBe(true);
  });
});
