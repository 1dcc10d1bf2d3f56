import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, auditLog, evidence } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import {
  createAssessment,
  getReviewQueue,
  reviewAssessment,
  reviewAssessments,
  submitAssessment,
  submitAssessments,
  updateAssessment,
  WorkspaceError,
  type Acting,
} from '../../src/lib/server/assessments/service';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor', roles: ['editor'], parties: ['tha'] };
const author2: Acting = { id: 'editor-and-reviewer', email: 'both@example.org', name: 'Both', roles: ['editor', 'reviewer'], parties: ['tha'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };
const viewer: Acting = { id: 'viewer', email: 'delegate@example.org', name: 'Viewer', roles: ['viewer'], parties: [] };

const input = (patch: Record<string, unknown> = {}) =>
  assessmentInputSchema.parse({
    party: 'THA',
    commitment: 'BJS-1',
    status: 'limited',
    assessor: 'self_reported',
    asOf: '2026-01-15',
    narrative: 'A lead agency was named by cabinet resolution.',
    evidence: [{ url: 'https://www.mfa.go.th/en/example', title: 'Cabinet resolution', publisher: 'Cabinet Secretariat', date: '2026-01-10', grade: 'official' }],
    ...patch,
  });

async function rejects(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

const tally = async (db: Database) => ({
  assessments: (await db.select({ n: count() }).from(assessments))[0]!.n,
  evidence: (await db.select({ n: count() }).from(evidence))[0]!.n,
});

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('writing assessments', () => {
  it('creates a draft with its evidence and an audit row', async () => {
    const auditBefore = (await db.select({ n: count() }).from(auditLog))[0]!.n;
    const a = await createAssessment(db, editor, input());
    expect(a).toMatchObject({ state: 'draft', version: 1, partySlug: 'tha', commitmentCode: 'BJS-1', authorId: editor.id });
    expect(a.evidence).toHaveLength(1);
    const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, String(a.id)));
    expect(rows.map((r) => r.action)).toEqual(['assessment.create']);
    expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore + 1);
  });

  it('refuses an editor writing for a party outside their scope, and writes nothing', async () => {
    const before = await tally(db);
    const error = await rejects(createAssessment(db, editor, input({ party: 'npl', commitment: 'BJS-1' })));
    expect(error.status).toBe(403);
    expect(await tally(db)).toEqual(before);
  });

  it('refuses a viewer (403) and a commitment that does not apply (400, field commitment)', async () => {
    expect((await rejects(createAssessment(db, viewer, input()))).status).toBe(403);
    const notApplicable = await rejects(createAssessment(db, { ...editor, parties: ['tiktok'] }, input({ party: 'tiktok', commitment: 'UNCC-13' })));
    expect(notApplicable).toMatchObject({ status: 400, field: 'commitment' });
    const unknown = await rejects(createAssessment(db, editor, input({ commitment: 'NOPE-1' })));
    expect(unknown).toMatchObject({ status: 400, field: 'commitment' });
  });

  it('refuses an edit against a stale version with 409 and the current version; nothing is lost', async () => {
    const a = await createAssessment(db, editor, input());
    const edited = await updateAssessment(db, editor, a.id, 1, input({ status: 'substantial', narrative: 'First edit, made by one editor.' }));
    expect(edited.version).toBe(2);
    const error = await rejects(updateAssessment(db, editor, a.id, 1, input({ status: 'complete', narrative: 'Second edit from a stale copy.' })));
    expect(error.status).toBe(409);
    expect(error.details).toEqual({ currentVersion: 2 });
    const [stored] = await db.select().from(assessments).where(eq(assessments.id, a.id));
    expect(stored).toMatchObject({ status: 'substantial', narrativeEn: 'First edit, made by one editor.', version: 2 });
  });

  it('runs the two-person review: the author cannot publish their own, another reviewer can', async () => {
    const a = await createAssessment(db, author2, input({ commitment: 'BJS-2' }), { submit: true });
    expect(a.state).toBe('submitted');
    expect((await rejects(reviewAssessment(db, author2, a.id, 'publish', null))).status).toBe(403);
    expect((await rejects(reviewAssessment(db, editor, a.id, 'publish', null))).status).toBe(403);
    const queue = await getReviewQueue(db);
    expect(queue.map((q) => q.item.id)).toContain(a.id);
    const published = await reviewAssessment(db, reviewer, a.id, 'publish', 'Checked against the gazette.');
    expect(published).toMatchObject({ state: 'published', reviewerId: reviewer.id });
    expect(published.publishedAt).not.toBeNull();
    const [publishRow] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(a.id)), eq(auditLog.action, 'assessment.publish')));
    expect(JSON.parse(publishRow!.after!)).toEqual({ state: 'published', version: 2, comment: 'Checked against the gazette.' });
    // The state is checked before the comment a return needs.
    expect((await rejects(reviewAssessment(db, reviewer, a.id, 'return', null))).status).toBe(409);
  });

  it('returns with a required comment, then the editor fixes and resubmits', async () => {
    const a = await createAssessment(db, editor, input({ commitment: 'BJS-3' }), { submit: true });
    expect((await rejects(reviewAssessment(db, reviewer, a.id, 'return', null))).field).toBe('comment');
    const returned = await reviewAssessment(db, reviewer, a.id, 'return', 'Add the decree as evidence.');
    expect(returned.state).toBe('returned');
    const fixed = await updateAssessment(db, editor, a.id, returned.version, input({ commitment: 'BJS-3', narrative: 'Now with the decree as evidence.' }));
    const resubmitted = await submitAssessment(db, editor, a.id, fixed.version);
    expect(resubmitted.state).toBe('submitted');
  });

  it('never changes a published assessment, in the service or behind its back', async () => {
    const a = await createAssessment(db, editor, input({ commitment: 'BJS-4' }), { submit: true });
    const published = await reviewAssessment(db, reviewer, a.id, 'publish', null);
    expect((await rejects(updateAssessment(db, editor, a.id, published.version, input({ commitment: 'BJS-4' })))).status).toBe(409);
    await expect(db.$client.execute({ sql: "UPDATE assessments SET status = 'complete' WHERE id = ?", args: [a.id] })).rejects.toThrow(/published assessment cannot be changed/);
    await expect(db.$client.execute({ sql: 'DELETE FROM assessments WHERE id = ?', args: [a.id] })).rejects.toThrow(/never deleted/);
  });

  it('refuses UPDATE and DELETE on the audit log itself', async () => {
    await expect(db.$client.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(db.$client.execute('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});

describe('who may say "independent"', () => {
  const analyst: Acting = { id: 'analyst', email: 'analyst@secretariat.example', name: 'Analyst', roles: ['analyst'], parties: [] };
  const analystReviewer: Acting = { id: 'analyst-reviewer', email: 'ar@secretariat.example', name: 'Analyst and reviewer', roles: ['analyst', 'reviewer'], parties: [] };

  it('an editor writes self-reported only: independent is refused, naming the field, and nothing is written', async () => {
    const before = await tally(db);
    const refused = await rejects(createAssessment(db, editor, input({ commitment: 'BJS-5', assessor: 'independent' })));
    expect([refused.status, refused.field]).toEqual([403, 'assessor']);
    expect(refused.message).toMatch(/independent assessments are written by the secretariat's analysts/);
    expect(await tally(db)).toEqual(before);
    // Left out, the assessor follows from the role.
    const { assessor: _omitted, ...withoutAssessor } = input({ commitment: 'BJS-5' });
    expect((await createAssessment(db, editor, withoutAssessor)).assessor).toBe('self_reported');
  });

  it('an analyst writes independent assessments of any party, never self-reported ones', async () => {
    const { assessor: _omitted, ...withoutAssessor } = input({ commitment: 'BJS-6' });
    const a = await createAssessment(db, analyst, withoutAssessor);
    expect(a).toMatchObject({ assessor: 'independent', state: 'draft', authorId: analyst.id });
    const refused = await rejects(createAssessment(db, analyst, input({ commitment: 'BJS-6', assessor: 'self_reported' })));
    expect([refused.status, refused.field]).toEqual([403, 'assessor']);
    // An edit cannot change the assessor; the party's editor cannot edit or submit it.
    const changed = await rejects(updateAssessment(db, analyst, a.id, a.version, input({ commitment: 'BJS-6', assessor: 'self_reported' })));
    expect([changed.status, changed.field]).toEqual([400, 'assessor']);
    expect((await rejects(updateAssessment(db, editor, a.id, a.version, input({ commitment: 'BJS-6', assessor: 'independent' })))).status).toBe(403);
    expect((await rejects(submitAssessment(db, editor, a.id, a.version))).status).toBe(403);
    const submitted = await submitAssessment(db, analyst, a.id, a.version);
    expect(submitted.state).toBe('submitted');
    const [submitRow] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, String(a.id)), eq(auditLog.action, 'assessment.submit')));
    expect(JSON.parse(submitRow!.after!)).toEqual({ state: 'submitted', version: a.version + 1 });
  });

  it("an analyst's assessment cannot be published by its author, only by another member of the secretariat", async () => {
    const { assessor: _omitted, ...withoutAssessor } = input({ commitment: 'BJS-7' });
    const a = await createAssessment(db, analystReviewer, withoutAssessor, { submit: true });
    expect(a.assessor).toBe('independent');
    const refused = await rejects(reviewAssessment(db, analystReviewer, a.id, 'publish', null));
    expect(refused.status).toBe(403);
    expect((await reviewAssessment(db, reviewer, a.id, 'publish', null)).state).toBe('published');
  });

  it('someone who is both an editor of the party and an analyst must say which', async () => {
    const both: Acting = { id: 'both-roles', email: 'both-roles@example.org', name: 'Both roles', roles: ['editor', 'analyst'], parties: ['tha'] };
    const { assessor: _omitted, ...withoutAssessor } = input({ commitment: 'BJS-2' });
    const refused = await rejects(createAssessment(db, both, withoutAssessor));
    expect([refused.status, refused.field]).toEqual([400, 'assessor']);
    expect((await createAssessment(db, both, input({ commitment: 'BJS-2', assessor: 'independent' }))).assessor).toBe('independent');
  });
});

describe('bulk steps, item by item in one transaction', () => {
  it('submits several drafts, reporting each; a draft out of scope or already submitted is left as it is', async () => {
    const a = await createAssessment(db, editor, input({ commitment: 'BJS-1', narrative: 'Bulk draft one, created by an import.' }));
    const b = await createAssessment(db, editor, input({ commitment: 'BJS-3', narrative: 'Bulk draft two, created by an import.' }));
    const submitted = await createAssessment(db, editor, input({ commitment: 'BJS-4', narrative: 'Already in review.' }), { submit: true });
    const npl: Acting = { id: 'editor-npl', email: 'e@npl.example', name: 'NPL', roles: ['editor'], parties: ['npl'] };
    const outcomes = await submitAssessments(db, npl, [a.id]);
    expect(outcomes).toEqual([{ id: a.id, ok: false, status: 403, reason: expect.stringContaining('not in your scope'), code: 'write.outOfScope', params: { party: 'THA' } }]);
    const mixed = await submitAssessments(db, editor, [a.id, b.id, submitted.id, 999999]);
    expect(mixed).toEqual([
      { id: a.id, ok: true, state: 'submitted', version: 2 },
      { id: b.id, ok: true, state: 'submitted', version: 2 },
      { id: submitted.id, ok: false, status: 409, reason: 'a submitted assessment cannot be submitted', code: 'state.cannot', params: { state: 'submitted', action: 'submitted' } },
      { id: 999999, ok: false, status: 404, reason: expect.stringContaining('does not exist'), code: 'record.notFound', params: { id: 999999 } },
    ]);
    const audit = await db.select().from(auditLog).where(eq(auditLog.entityId, String(a.id)));
    expect(audit.map((r) => r.action)).toEqual(['assessment.create', 'assessment.submit']);
    expect(JSON.parse(audit[1]!.after!)).toEqual({ state: 'submitted', version: 2, bulk: true });
  });

  it('publishes or returns several with one comment; the two-person rule holds for each item', async () => {
    const mine = await createAssessment(db, author2, input({ commitment: 'BJS-5', narrative: 'Written by someone who also reviews.' }), { submit: true });
    const other = await createAssessment(db, editor, input({ commitment: 'BJS-6', narrative: 'Written by the editor alone.' }), { submit: true });
    const outcomes = await reviewAssessments(db, author2, [mine.id, other.id], 'publish', 'Checked against the gazette.');
    expect(outcomes).toEqual([
      { id: mine.id, ok: false, status: 403, reason: 'you cannot review an assessment you wrote', code: 'review.ownWork', params: {} },
      { id: other.id, ok: true, state: 'published', version: 2 },
    ]);
    const [row] = await db.select().from(assessments).where(eq(assessments.id, mine.id));
    expect(row!.state).toBe('submitted');
    expect((await rejects(reviewAssessments(db, reviewer, [mine.id], 'return', null))).field).toBe('comment');
    expect(await reviewAssessments(db, reviewer, [mine.id], 'return', 'Cite the decree.')).toEqual([{ id: mine.id, ok: true, state: 'returned', version: 2 }]);
    const decided = await db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.publish'), eq(auditLog.entityId, String(other.id))));
    expect(decided.map((r) => JSON.parse(r.after!))).toEqual([{ state: 'published', version: 2, comment: 'Checked against the gazette.', bulk: true }]);
    const [returnRow] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'assessment.return'), eq(auditLog.entityId, String(mine.id))));
    expect(JSON.parse(returnRow!.after!)).toEqual({ state: 'returned', version: 2, comment: 'Cite the decree.', bulk: true });
  });

  it('the queue shows the commitment title, the party name and the measures cited', async () => {
    const queued = await createAssessment(db, editor, input({ commitment: 'BJS-2', narrative: 'Waiting in the queue.' }), { submit: true });
    const entry = (await getReviewQueue(db)).find((q) => q.item.id === queued.id)!;
    expect(entry.party).toMatchObject({ slug: 'tha', nameEn: 'Thailand' });
    expect(entry.commitment?.titleEn).toEqual(expect.any(String));
    expect(entry.commitment?.titleTh).toEqual(expect.any(String));
    expect(entry.measures).toEqual([]);
  });
});
