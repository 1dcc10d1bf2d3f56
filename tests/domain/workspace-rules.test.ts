import { describe, expect, it } from 'vitest';
import { assessmentInputSchema, firstIssue } from '../../src/domain/assessment-input';
import { assessorsFor, canEditParty, canReadWorkspace, canReview, canWriteAssessment, chooseAssessor, type Actor } from '../../src/domain/permissions';
import { transition } from '../../src/domain/review-workflow';

const editor: Actor = { id: 'u1', roles: ['editor'], parties: ['tha'] };
const reviewer: Actor = { id: 'u2', roles: ['reviewer'], parties: [] };
const viewer: Actor = { id: 'u3', roles: ['viewer'], parties: [] };

describe('permissions', () => {
  it('an editor writes only for the parties in scope', () => {
    expect(canEditParty(editor, 'THA')).toEqual({ allowed: true });
    expect(canEditParty(editor, 'npl')).toMatchObject({ allowed: false, status: 403 });
  });
  it('signed out is 401, a viewer writing is 403', () => {
    expect(canEditParty(null, 'tha')).toMatchObject({ allowed: false, status: 401 });
    expect(canEditParty(viewer, 'tha')).toMatchObject({ allowed: false, status: 403 });
    expect(canReadWorkspace(viewer)).toEqual({ allowed: true });
  });
  it('a reviewer never reviews their own assessment', () => {
    expect(canReview(reviewer, { authorId: 'u1' })).toEqual({ allowed: true });
    expect(canReview(reviewer, { authorId: 'u2' })).toMatchObject({ allowed: false, status: 403 });
    expect(canReview(editor, { authorId: 'u9' })).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('the assessor follows from the role', () => {
  const analyst: Actor = { id: 'u4', roles: ['analyst'], parties: [] };
  it('an editor of the party self-reports; an analyst is independent of every party', () => {
    expect(assessorsFor(editor, 'tha')).toEqual(['self_reported']);
    expect(assessorsFor(editor, 'npl')).toEqual([]);
    expect(assessorsFor(analyst, 'npl')).toEqual(['independent']);
    expect(assessorsFor(reviewer, 'tha')).toEqual([]);
  });
  it('refuses the other value in words', () => {
    expect(canWriteAssessment(editor, 'tha', 'independent')).toMatchObject({ allowed: false, status: 403, reason: expect.stringContaining('analysts') });
    expect(canWriteAssessment(analyst, 'tha', 'self_reported')).toMatchObject({ allowed: false, status: 403, reason: expect.stringContaining('own editors') });
    expect(chooseAssessor(editor, 'tha', undefined)).toEqual({ ok: true, assessor: 'self_reported' });
    expect(chooseAssessor(analyst, 'tha', undefined)).toEqual({ ok: true, assessor: 'independent' });
    expect(chooseAssessor({ ...editor, roles: ['editor', 'analyst'] }, 'tha', undefined)).toMatchObject({ ok: false, status: 400 });
    expect(chooseAssessor(viewer, 'tha', undefined)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('review workflow', () => {
  it('moves draft → submitted → published, or back to returned', () => {
    expect(transition('draft', 'submit')).toEqual({ ok: true, next: 'submitted' });
    expect(transition('submitted', 'publish')).toEqual({ ok: true, next: 'published' });
    expect(transition('submitted', 'return')).toEqual({ ok: true, next: 'returned' });
    expect(transition('returned', 'edit')).toEqual({ ok: true, next: 'returned' });
  });
  it('never changes a published assessment', () => {
    for (const action of ['edit', 'submit', 'publish', 'return'] as const) expect(transition('published', action).ok).toBe(false);
    expect(transition('draft', 'publish').ok).toBe(false);
  });
});

describe('assessment input', () => {
  const valid = {
    party: 'THA',
    commitment: 'bjs-1',
    status: 'limited',
    assessor: 'self_reported',
    asOf: '2026-01-15',
    narrative: 'Lead agency designated by cabinet resolution.',
    evidence: [{ url: 'https://example.go.th/a', title: 'Cabinet resolution', publisher: 'Cabinet', date: '2026-01-10', grade: 'official' }],
  };
  it('accepts a valid body and normalises codes', () => {
    const parsed = assessmentInputSchema.parse(valid);
    expect(parsed.party).toBe('tha');
    expect(parsed.commitment).toBe('BJS-1');
  });
  it('names the field at fault', () => {
    const bad = (patch: object) => firstIssue(assessmentInputSchema.safeParse({ ...valid, ...patch }).error!);
    expect(bad({ status: 'done' }).field).toBe('status');
    expect(bad({ asOf: '2026-02-30' }).field).toBe('asOf');
    expect(bad({ evidence: [] }).field).toBe('evidence');
    expect(bad({ evidence: [{ ...valid.evidence[0], url: 'javascript:alert(1)' }] }).field).toBe('evidence.0.url');
    expect(bad({ narrative: 'x'.repeat(5000) }).field).toBe('narrative');
    expect(bad({ extra: 1 }).message).toMatch(/extra|Unrecognized/i);
  });
});
