/** The assessment form's parsing (evidence rows, field names of errors) and the reviewer's diff. */
import { describe, expect, it } from 'vitest';
import { diffAssessments, type DiffableAssessment } from '../../src/domain/assessment-diff';
import { parseAssessmentForm, type AssessmentFormFields } from '../../src/domain/assessment-form';
import { indicatorValueInputSchema } from '../../src/domain/indicator-input';

const form = (over: Partial<AssessmentFormFields> = {}): AssessmentFormFields => ({
  party: 'THA',
  commitment: 'bjs-1',
  status: 'limited',
  assessor: 'self_reported',
  asOf: '2026-01-15',
  narrative: 'A plan was adopted in January.',
  narrativeTh: '',
  evidenceUrl: ['', 'https://example.org/a', ''],
  evidenceTitle: ['', 'Gazette notice', ''],
  evidencePublisher: ['', 'Royal Gazette', ''],
  evidenceDate: ['', '', ''],
  evidenceGrade: ['', 'law', ''],
  ...over,
});

describe('parseAssessmentForm', () => {
  it('drops blank rows and normalises codes', () => {
    const parsed = parseAssessmentForm(form());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.input.party).toBe('tha');
    expect(parsed.input.commitment).toBe('BJS-1');
    expect(parsed.input.evidence).toEqual([{ url: 'https://example.org/a', title: 'Gazette notice', publisher: 'Royal Gazette', grade: 'law' }]);
    expect(parsed.input.narrativeTh).toBeUndefined();
  });

  it('names an evidence problem by the row the person saw, not its place among the filled rows', () => {
    const parsed = parseAssessmentForm(form({ evidenceUrl: ['', 'https://example.org/a', 'ftp://x'], evidenceTitle: ['', 'Gazette notice', 'Other'], evidencePublisher: ['', 'Royal Gazette', 'Someone'], evidenceGrade: ['', 'law', ''] }));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors['evidence.2.url']).toMatch(/web address/);
    expect(parsed.errors['evidence.2.grade']).toMatch(/^Choose a grade for the evidence\.$/);
    expect(parsed.field).toBe('evidence.2.url');
  });

  it('refuses no evidence at all, and HTML is kept as text (escaping is the page’s job)', () => {
    const parsed = parseAssessmentForm(form({ evidenceUrl: [], evidenceTitle: [], evidencePublisher: [], evidenceDate: [], evidenceGrade: [] }));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.evidence).toMatch(/at least one/);
    const html = parseAssessmentForm(form({ narrative: '<img src=x onerror=alert(1)> done' }));
    expect(html.ok && html.input.narrative).toBe('<img src=x onerror=alert(1)> done');
  });
});

describe('diffAssessments', () => {
  const base: DiffableAssessment = {
    status: 'limited',
    asOf: '2025-06-01',
    narrativeEn: 'Old text',
    narrativeTh: null,
    evidence: [
      { url: 'https://a', title: 'A', publisher: 'P', publishedOn: null, grade: 'law' },
      { url: 'https://b', title: 'B', publisher: 'P', publishedOn: null, grade: 'media' },
    ],
  };

  it('lists status, narrative and evidence changes', () => {
    const diff = diffAssessments(base, {
      ...base,
      status: 'complete',
      narrativeEn: 'New text',
      evidence: [
        { url: 'https://a', title: 'A', publisher: 'P', publishedOn: null, grade: 'law' },
        { url: 'https://b', title: 'B renamed', publisher: 'P', publishedOn: null, grade: 'media' },
        { url: 'https://c', title: 'C', publisher: 'P', publishedOn: '2026-01-01', grade: 'official' },
      ],
    });
    expect(diff.first).toBe(false);
    expect(diff.status).toEqual({ before: 'limited', after: 'complete', changed: true });
    expect(diff.asOf.changed).toBe(false);
    expect(diff.narrative.changed).toBe(true);
    expect(diff.added.map((e) => e.url)).toEqual(['https://c']);
    expect(diff.changed.map((c) => c.after.title)).toEqual(['B renamed']);
    expect(diff.unchanged.map((e) => e.url)).toEqual(['https://a']);
    expect(diff.removed).toEqual([]);
  });

  it('marks everything new when nothing was published before, and finds removed evidence', () => {
    const first = diffAssessments(null, base);
    expect(first.first).toBe(true);
    expect(first.status).toEqual({ before: null, after: 'limited', changed: true });
    expect(first.added).toHaveLength(2);
    const removed = diffAssessments(base, { ...base, evidence: [base.evidence[0]!] });
    expect(removed.removed.map((e) => e.url)).toEqual(['https://b']);
    expect(removed.status.changed).toBe(false);
  });
});

describe('indicatorValueInputSchema', () => {
  const ok = { indicator: 'tha-x', periodEnd: '2026-03-31', periodLabel: 'Q1 2026', value: '1,250.5', sourceUrl: 'https://example.org/q1-figures', sourcePublisher: 'MFA', confidence: 'confirmed' };
  it('reads numbers with thousands separators and checks ranges', () => {
    expect(indicatorValueInputSchema.parse(ok).value).toBe(1250.5);
    expect(indicatorValueInputSchema.safeParse({ ...ok, value: '12abc' }).success).toBe(false);
    const range = indicatorValueInputSchema.safeParse({ ...ok, valueHigh: '10' });
    expect(range.success).toBe(false);
    if (!range.success) expect(range.error.issues[0]!.path).toEqual(['valueHigh']);
    const period = indicatorValueInputSchema.safeParse({ ...ok, periodStart: '2026-04-01' });
    expect(period.success).toBe(false);
  });

  it('refuses a figure whose source is a home page, whatever its confidence', () => {
    for (const confidence of ['confirmed', 'reported', 'inferred']) {
      const home = indicatorValueInputSchema.safeParse({ ...ok, sourceUrl: 'https://www.mdes.go.th/', confidence, note: 'reasoning' });
      expect(home.success, confidence).toBe(false);
      if (!home.success) expect(home.error.issues[0]!.path).toEqual(['sourceUrl']);
    }
    expect(indicatorValueInputSchema.safeParse({ ...ok, sourceUrl: 'https://www.nationthailand.com/news/policy/40046319', confidence: 'reported' }).success).toBe(true);
  });
});
