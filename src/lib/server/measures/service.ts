/**
 * Writing measures in the workspace: create, edit (optimistic concurrency on `version`),
 * submit and review, with the assessment workflow's rules (src/domain/review-workflow.ts,
 * permissions.ts): editors write for the parties in their scope, a reviewer who is not the
 * author publishes or returns. Each write and its audit row run in one transaction; a
 * refusal is a WorkspaceError naming the field at fault.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { commitments, measureCommitments, measures, measureSources, measureSteps, parties } from '../../../../db/schema';
import type { MeasureInput } from '../../../domain/measure-input';
import { canEditParty, canReview, type Decision } from '../../../domain/permissions';
import { transition } from '../../../domain/review-workflow';
import { appendAudit, writeTransaction, type Transaction } from '../audit';
import { refusal, WorkspaceError, type Acting } from '../assessments/service';
import { getMeasure, type MeasureDetail } from '../queries/measures';

function enforce(decision: Decision): void {
  if (!decision.allowed) throw refusal(decision.status, decision.reason.replace('assessments', 'measures'), null, { code: decision.code, params: { ...decision.params, subject: 'measure' } });
}

const nowIso = () => new Date().toISOString();

async function checkReferences(tx: Transaction, input: MeasureInput): Promise<void> {
  const [party] = await tx.select({ slug: parties.slug }).from(parties).where(eq(parties.slug, input.party));
  if (!party) throw new WorkspaceError(400, `party: unknown party code "${input.party.toUpperCase()}"`, 'party', {}, { code: 'input.unknownParty', params: { party: input.party.toUpperCase() } });
  const codes = input.links.map((l) => l.code);
  if (codes.length === 0) return;
  const known = new Set((await tx.select({ code: commitments.code }).from(commitments).where(inArray(commitments.code, codes))).map((c) => c.code));
  const index = codes.findIndex((c) => !known.has(c));
  if (index >= 0) throw new WorkspaceError(400, `links.${index}.code: unknown commitment code "${codes[index]}"`, `links.${index}.code`, {}, { code: 'input.unknownCommitment', params: { commitment: codes[index]! } });
}

async function writeChildren(tx: Transaction, id: string, input: MeasureInput): Promise<void> {
  await tx.delete(measureSteps).where(eq(measureSteps.measureId, id));
  await tx.delete(measureSources).where(eq(measureSources.measureId, id));
  await tx.delete(measureCommitments).where(eq(measureCommitments.measureId, id));
  if (input.steps.length) {
    await tx.insert(measureSteps).values(
      input.steps.map((s, position) => ({ measureId: id, step: s.step, date: s.date, sourceUrl: s.url, sourcePublisher: s.publisher, confidence: s.confidence, checkedOn: s.checkedOn ?? null, position })),
    );
  }
  await tx.insert(measureSources).values(
    input.sources.map((s, position) => ({ measureId: id, role: s.role, url: s.url, title: s.title, publisher: s.publisher, confidence: s.confidence, checkedOn: s.checkedOn ?? null, position })),
  );
  if (input.links.length) {
    await tx.insert(measureCommitments).values(input.links.map((l) => ({ measureId: id, commitmentCode: l.code, extent: l.extent, noteEn: l.noteEn ?? null, noteTh: l.noteTh ?? null })));
  }
}

const fields = (input: MeasureInput) => ({
  kind: input.kind,
  titleEn: input.titleEn,
  titleTh: input.titleTh ?? null,
  titleOriginal: input.titleOriginal ?? null,
  originalLanguage: input.originalLanguage ?? null,
  summaryEn: input.summaryEn,
  summaryTh: input.summaryTh ?? null,
  disputedEn: input.disputedEn ?? null,
  disputedTh: input.disputedTh ?? null,
  currentStep: input.steps.at(-1)?.step ?? null,
});

async function load(db: Database | Transaction, id: string): Promise<MeasureDetail> {
  const detail = await getMeasure(db, id, { includeUnpublished: true });
  if (!detail) throw new WorkspaceError(404, `measure ${id} does not exist`, null, {}, { code: 'record.notFound', params: { id, subject: 'measure' } });
  return detail;
}

/** Creates a draft measure (or submits it at once); its id must be new. */
export async function createMeasure(db: Database, actor: Acting, input: MeasureInput, options: { submit?: boolean } = {}): Promise<MeasureDetail> {
  enforce(canEditParty(actor, input.party));
  await writeTransaction(db, async (tx) => {
    await checkReferences(tx, input);
    const [taken] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.id, input.id));
    if (taken) throw new WorkspaceError(400, `id: a measure with id "${input.id}" exists already`, 'id', {}, { code: 'input.measureIdTaken', params: { id: input.id } });
    const now = nowIso();
    const [row] = await tx
      .insert(measures)
      .values({ id: input.id, partySlug: input.party, ...fields(input), state: options.submit ? 'submitted' : 'draft', authorId: actor.id, authorName: actor.name, createdAt: now, updatedAt: now, submittedAt: options.submit ? now : null })
      .returning();
    await writeChildren(tx, input.id, input);
    await appendAudit(tx, { actorId: actor.id, actorLabel: actor.email, action: options.submit ? 'measure.create_and_submit' : 'measure.create', entityType: 'measure', entityId: input.id, after: { ...row, input }, ip: actor.ip ?? null });
  });
  return load(db, input.id);
}

/** Edits a draft or returned measure; `version` must be the one the editor read. */
export async function updateMeasure(db: Database, actor: Acting, id: string, version: number, input: MeasureInput): Promise<MeasureDetail> {
  await writeTransaction(db, async (tx) => {
    const { measure: current } = await load(tx, id);
    enforce(canEditParty(actor, current.partySlug));
    if (input.party !== current.partySlug) throw new WorkspaceError(400, 'party: a measure cannot move to another party', 'party', {}, { code: 'input.partyFixed', params: { subject: 'measure' } });
    if (input.id !== id) throw new WorkspaceError(400, 'id: a measure keeps its id', 'id', {}, { code: 'input.measureIdFixed' });
    const step = transition(current.state, 'edit');
    if (!step.ok) throw refusal(409, step.message.replace('assessment', 'measure'), 'state', { code: step.code, params: { ...step.params, subject: 'measure' } });
    if (current.version !== version) {
      throw new WorkspaceError(409, `measure ${id} has changed since you read it (you edited version ${version}; it is now version ${current.version}); reload it and apply your change again`, 'version', { currentVersion: current.version }, { code: 'record.changed', params: { id, subject: 'measure' } });
    }
    await checkReferences(tx, input);
    const [row] = await tx
      .update(measures)
      .set({ ...fields(input), version: current.version + 1, updatedAt: nowIso() })
      .where(and(eq(measures.id, id), eq(measures.version, version)))
      .returning();
    if (!row) throw new WorkspaceError(409, `measure ${id} has changed since you read it`, 'version', {}, { code: 'record.changed', params: { id, subject: 'measure' } });
    await writeChildren(tx, id, input);
    await appendAudit(tx, { actorId: actor.id, actorLabel: actor.email, action: 'measure.update', entityType: 'measure', entityId: id, before: current, after: { ...row, input }, ip: actor.ip ?? null });
  });
  return load(db, id);
}

/** Sends a draft or returned measure to review. */
export async function submitMeasure(db: Database, actor: Acting, id: string, version?: number): Promise<MeasureDetail> {
  await writeTransaction(db, async (tx) => {
    const { measure: current } = await load(tx, id);
    enforce(canEditParty(actor, current.partySlug));
    const step = transition(current.state, 'submit');
    if (!step.ok) throw refusal(409, step.message.replace('assessment', 'measure'), 'state', { code: step.code, params: { ...step.params, subject: 'measure' } });
    if (version !== undefined && version !== current.version) throw new WorkspaceError(409, `measure ${id} has changed since you read it`, 'version', { currentVersion: current.version }, { code: 'record.changed', params: { id, subject: 'measure' } });
    const now = nowIso();
    await tx.update(measures).set({ state: 'submitted', submittedAt: now, updatedAt: now, version: current.version + 1 }).where(eq(measures.id, id));
    await appendAudit(tx, { actorId: actor.id, actorLabel: actor.email, action: 'measure.submit', entityType: 'measure', entityId: id, before: { state: current.state, version: current.version }, after: { state: 'submitted', version: current.version + 1 }, ip: actor.ip ?? null });
  });
  return load(db, id);
}

/** Publishes or returns a submitted measure; never one the reviewer wrote. A return needs a comment. */
export async function reviewMeasure(db: Database, actor: Acting, id: string, decision: 'publish' | 'return', comment: string | null): Promise<MeasureDetail> {
  await writeTransaction(db, async (tx) => {
    const { measure: current } = await load(tx, id);
    const allowed = canReview(actor, current);
    if (!allowed.allowed) throw refusal(allowed.status, allowed.reason.replace('assessments', 'measures').replace('an assessment', 'a measure'), null, { code: allowed.code, params: { ...allowed.params, subject: 'measure' } });
    const step = transition(current.state, decision);
    if (!step.ok) throw refusal(409, step.message.replace('assessment', 'measure'), 'state', { code: step.code, params: { ...step.params, subject: 'measure' } });
    if (decision === 'return' && !comment) throw new WorkspaceError(400, 'comment: say what must change before it can be published', 'comment', {}, { code: 'review.commentRequired' });
    const now = nowIso();
    await tx
      .update(measures)
      .set({ state: step.next, reviewerId: actor.id, reviewComment: comment, publishedAt: decision === 'publish' ? now : null, updatedAt: now, version: current.version + 1 })
      .where(eq(measures.id, id));
    await appendAudit(tx, { actorId: actor.id, actorLabel: actor.email, action: decision === 'publish' ? 'measure.publish' : 'measure.return', entityType: 'measure', entityId: id, before: { state: current.state, version: current.version }, after: { state: step.next, version: current.version + 1, comment }, ip: actor.ip ?? null });
  });
  return load(db, id);
}

/** Measures the workspace lists: drafts and returned ones of the editor's parties, and every submitted one. */
export async function listWorkspaceMeasures(db: Database, partySlugs: readonly string[]) {
  const rows = await db
    .select({ id: measures.id, partySlug: measures.partySlug, titleEn: measures.titleEn, titleTh: measures.titleTh, state: measures.state, version: measures.version, authorName: measures.authorName, updatedAt: measures.updatedAt })
    .from(measures)
    .where(inArray(measures.state, ['draft', 'returned', 'submitted']))
    .orderBy(measures.updatedAt);
  return rows.filter((r) => r.state === 'submitted' || partySlugs.includes(r.partySlug));
}
