/**
 * "What changed" between two dates, against hand-computed fixtures. Status values: not_started
 * 0, limited 1/3, substantial 2/3, complete 1 (src/domain/scoring.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Applicable } from '../../src/domain/aggregate';
import { diffChanges, groupChanges, type EvidenceRef, type HistoryAssessment, type RecordedStep } from '../../src/domain/changes';
import type { Assessor, Status } from '../../src/domain/vocabulary';

const doc = (id: number, url: string): EvidenceRef => ({ id, url, title: `Doc ${id}`, publisher: 'Gazette', publishedOn: null, grade: 'official' });

function a(id: number, party: string, code: string, status: Status, asOf: string, evidence: EvidenceRef[] = [], assessor: Assessor = 'independent', publishedAt = `${asOf}T09:00:00.000Z`): HistoryAssessment {
  return { id, partySlug: party, commitmentCode: code, status, assessor, asOf, publishedAt, evidence };
}

const applicable: Applicable[] = [
  { partySlug: 'tha', commitmentCode: 'A1', instrumentSlug: 'ins-a', theme: 'legal_framework' },
  { partySlug: 'tha', commitmentCode: 'A2', instrumentSlug: 'ins-a', theme: 'law_enforcement' },
  { partySlug: 'tha', commitmentCode: 'B1', instrumentSlug: 'ins-b', theme: 'legal_framework' },
  { partySlug: 'npl', commitmentCode: 'A1', instrumentSlug: 'ins-a', theme: 'legal_framework' },
];

const u = (n: number) => `https://example.org/doc-${n}`;
const h1 = a(1, 'tha', 'A1', 'limited', '2025-01-10', [doc(11, u(1))]);
const h2 = a(2, 'tha', 'A2', 'not_started', '2025-02-01', [doc(21, u(2))]);
const h3 = a(3, 'tha', 'A1', 'substantial', '2025-03-15', [doc(31, u(1)), doc(32, u(3))]);
const h4 = a(4, 'tha', 'B1', 'complete', '2025-04-01', [doc(41, u(4))]);
const h5 = a(5, 'tha', 'A2', 'not_started', '2025-04-20', [doc(51, u(2)), doc(52, u(5))]);
const h6 = a(6, 'tha', 'A1', 'complete', '2025-06-01', [doc(61, u(6))], 'self_reported');
const h7 = a(7, 'npl', 'A1', 'limited', '2025-01-05');
const h0 = a(8, 'tha', 'A1', 'not_started', '2024-12-01', [doc(81, u(8))]); // superseded by h1 before the window

const FROM = '2025-03-01';
const TO = '2025-05-01';

describe('diffChanges', () => {
  const report = diffChanges({ from: FROM, to: TO, applicable, before: [h0, h1, h2, h7], window: [h3, h4, h5, h6], includeOverall: true });

  it('lists net status changes, a first assessment included, and skips re-assessments at the same status', () => {
    expect(report.statusChanges).toEqual([
      { partySlug: 'tha', commitmentCode: 'A1', assessor: 'independent', before: 'limited', after: 'substantial', previousAssessmentId: 1, assessmentId: 3, asOf: '2025-03-15' },
      { partySlug: 'tha', commitmentCode: 'B1', assessor: 'independent', before: null, after: 'complete', previousAssessmentId: null, assessmentId: 4, asOf: '2025-04-01' },
    ]);
  });

  it('lists evidence first cited in the window, in date order, not documents cited before', () => {
    expect(report.newEvidence.map((e) => [e.assessmentId, e.evidence.url])).toEqual([
      [3, u(3)],
      [4, u(4)],
      [5, u(5)],
    ]);
  });

  it('gives score changes overall and per instrument with the hand-computed values', () => {
    const rows = report.scoreChanges.map((c) => ({ party: c.partySlug, instrument: c.instrumentSlug, assessor: c.assessor, before: [c.before.score, c.before.rated, c.before.applicable], after: [c.after.score, c.after.rated, c.after.applicable] }));
    expect(rows).toHaveLength(3);
    // Overall: (1/3 + 0) / 2 = 1/6 with 2 of 3 rated → (2/3 + 0 + 1) / 3 = 5/9 with 3 of 3.
    expect(rows[0]).toMatchObject({ party: 'tha', instrument: null, assessor: 'independent', before: [expect.closeTo(1 / 6, 12), 2, 3], after: [expect.closeTo(5 / 9, 12), 3, 3] });
    // ins-a: 1/6 → (2/3 + 0) / 2 = 1/3, both 2 of 2.
    expect(rows[1]).toMatchObject({ party: 'tha', instrument: 'ins-a', before: [expect.closeTo(1 / 6, 12), 2, 2], after: [expect.closeTo(1 / 3, 12), 2, 2] });
    // ins-b: not rated → 1, 1 of 1.
    expect(rows[2]).toMatchObject({ party: 'tha', instrument: 'ins-b', before: [null, 0, 1], after: [1, 1, 1] });
    expect(report.scoreChanges.every((c) => c.partySlug !== 'npl'), 'npl did not change').toBe(true);
  });

  it('ignores assessments dated after `to`, and `before` rows dated after `from`', () => {
    const shifted = diffChanges({ from: FROM, to: TO, applicable, before: [h1, h2, h3], window: [h6], includeOverall: true });
    expect(shifted.statusChanges).toEqual([]);
    expect(shifted.newEvidence).toEqual([]);
    expect(shifted.scoreChanges).toEqual([]);
  });

  it('reports the net change only: limited → complete → limited within the window is no status change', () => {
    const up = a(20, 'tha', 'A1', 'complete', '2025-03-10', [doc(201, u(20))]);
    const down = a(21, 'tha', 'A1', 'limited', '2025-04-10');
    const report2 = diffChanges({ from: FROM, to: TO, applicable, before: [h1], window: [down, up], includeOverall: false });
    expect(report2.statusChanges).toEqual([]);
    expect(report2.scoreChanges).toEqual([]);
    expect(report2.newEvidence.map((e) => e.evidence.url)).toEqual([u(20)]);
  });

  it('breaks a tie on the same day by publication time, as the scorecards do', () => {
    const early = a(30, 'tha', 'B1', 'limited', '2025-04-01', [], 'independent', '2025-04-02T08:00:00.000Z');
    const late = a(29, 'tha', 'B1', 'substantial', '2025-04-01', [], 'independent', '2025-04-03T08:00:00.000Z');
    const report3 = diffChanges({ from: FROM, to: TO, applicable, before: [], window: [late, early], includeOverall: false });
    expect(report3.statusChanges).toMatchObject([{ commitmentCode: 'B1', before: null, after: 'substantial', assessmentId: 29 }]);
    expect(report3.scoreChanges).toMatchObject([{ instrumentSlug: 'ins-b', after: { score: 2 / 3, rated: 1 } }]);
  });

  it('on the same day (from = to) nothing changes, and from after to is refused', () => {
    const same = diffChanges({ from: TO, to: TO, applicable, before: [h1, h2, h3, h4, h5], window: [], includeOverall: true });
    expect(same).toEqual({ from: TO, to: TO, scoreChanges: [], statusChanges: [], newEvidence: [], changedEvidence: [], steps: [] });
    expect(() => diffChanges({ from: TO, to: FROM, applicable, before: [], window: [], includeOverall: true })).toThrow(RangeError);
  });

  it('sees each day as published: a back-dated assessment published in the window is a change; one published after `to` is not', () => {
    // Dated before the window, published inside it: not shown on `from`, shown on `to`.
    const late = a(40, 'tha', 'A2', 'complete', '2025-02-15', [doc(401, u(40))], 'independent', '2025-04-05T10:00:00.000Z');
    // Dated inside the window, published after `to`: shown on neither day.
    const later = a(41, 'tha', 'B1', 'complete', '2025-04-01', [doc(411, u(41))], 'independent', '2025-06-01T10:00:00.000Z');
    const report4 = diffChanges({ from: FROM, to: TO, applicable, before: [h2], window: [late, later], includeOverall: false });
    expect(report4.statusChanges).toMatchObject([{ commitmentCode: 'A2', before: 'not_started', after: 'complete', assessmentId: 40 }]);
    expect(report4.newEvidence.map((e) => e.evidence.url)).toEqual([u(40)]);
    // A `before` row published after `from` did not count on `from`.
    const unpublished = a(42, 'tha', 'A2', 'limited', '2025-02-01', [], 'independent', '2025-03-20T10:00:00.000Z');
    expect(diffChanges({ from: FROM, to: TO, applicable, before: [unpublished], window: [], includeOverall: false }).statusChanges).toEqual([]);
  });

  it('lists evidence cited again described differently, and not the same description twice', () => {
    const regraded: EvidenceRef = { ...doc(311, u(1)), title: 'Doc 11, final text', grade: 'law' };
    const again = a(50, 'tha', 'A1', 'limited', '2025-03-20', [regraded, doc(501, u(2))]);
    const report5 = diffChanges({ from: FROM, to: TO, applicable, before: [h1], window: [again], includeOverall: false });
    expect(report5.changedEvidence).toMatchObject([{ commitmentCode: 'A1', assessmentId: 50, before: { url: u(1), title: 'Doc 11', grade: 'official' }, after: { url: u(1), title: 'Doc 11, final text', grade: 'law' } }]);
    expect(report5.newEvidence.map((e) => e.evidence.url)).toEqual([u(2)]);
    const unchanged = a(51, 'tha', 'A1', 'limited', '2025-03-20', [{ ...doc(11, u(1)), id: 512 }]);
    expect(diffChanges({ from: FROM, to: TO, applicable, before: [h1], window: [unchanged], includeOverall: false }).changedEvidence).toEqual([]);
  });

  it('lists recorded steps dated in (from, to], in date order, of any kind', () => {
    const step = (partySlug: string, on: string, kind = 'treaty_action', stepName = 'signature'): RecordedStep => ({ kind, partySlug, instrumentSlug: 'ins-a', step: stepName, on, sourceUrl: null, sourcePublisher: null });
    const steps = [step('tha', '2025-04-01', 'treaty_action', 'ratification'), step('npl', FROM), step('npl', '2025-03-02'), step('tha', TO, 'domestic_step', 'parliament_approval'), step('tha', '2025-05-02')];
    const report6 = diffChanges({ from: FROM, to: TO, applicable, before: [], window: [], includeOverall: false, steps });
    expect(report6.steps.map((s) => [s.partySlug, s.on, s.step])).toEqual([
      ['npl', '2025-03-02', 'signature'],
      ['tha', '2025-04-01', 'ratification'],
      ['tha', TO, 'parliament_approval'],
    ]);
  });

  it('groups a report by party, then overall and each instrument', () => {
    const ratification: RecordedStep = { kind: 'treaty_action', partySlug: 'npl', instrumentSlug: 'ins-b', step: 'ratification', on: '2025-04-02', sourceUrl: null, sourcePublisher: null };
    const full = diffChanges({ from: FROM, to: TO, applicable, before: [h0, h1, h2, h7], window: [h3, h4, h5, h6], includeOverall: true, steps: [ratification] });
    const instrumentOf = (code: string) => (code.startsWith('A') ? 'ins-a' : 'ins-b');
    const groups = groupChanges(full, instrumentOf);
    expect(groups.map((g) => [g.partySlug, g.instrumentSlug])).toEqual([
      ['npl', 'ins-b'],
      ['tha', null],
      ['tha', 'ins-a'],
      ['tha', 'ins-b'],
    ]);
    const thaA = groups.find((g) => g.partySlug === 'tha' && g.instrumentSlug === 'ins-a')!;
    expect(thaA.statusChanges.map((c) => c.commitmentCode)).toEqual(['A1']);
    expect(thaA.newEvidence.map((e) => e.evidence.url)).toEqual([u(3), u(5)]);
    expect(groups.find((g) => g.partySlug === 'tha' && g.instrumentSlug === null)!.scoreChanges).toHaveLength(1);
    expect(groups[0]!.steps).toEqual([ratification]);
    // Nothing lost or repeated.
    const count = (pick: (g: (typeof groups)[number]) => unknown[]) => groups.reduce((n, g) => n + pick(g).length, 0);
    expect(count((g) => g.statusChanges)).toBe(full.statusChanges.length);
    expect(count((g) => g.newEvidence)).toBe(full.newEvidence.length);
    expect(count((g) => g.scoreChanges)).toBe(full.scoreChanges.length);
  });
});
