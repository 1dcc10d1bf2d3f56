/**
 * Writing assessments: create, edit (optimistic concurrency), submit and review. Every
 * function checks the actor's permission first, runs its writes and the audit row in one
 * write transaction (all or nothing), and throws a WorkspaceError that names the field at
 * fault; callers turn it into a 4xx (JSON for the API, a message beside the form field).
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessmentMeasures, assessmentWriters, assessments, commitments, evidence, measures, participations, parties } from '../../../../db/schema';
import { appliesToPartyKind } from '../../../domain/applicability';
import type { AssessmentInput } from '../../../domain/assessment-input';
import type { Assessor } from '../../../domain/vocabulary';
import { canReview, canWriteAssessment, chooseAssessor, type Actor, type Decision } from '../../../domain/permissions';
import { transition } from '../../../domain/review-workflow';
import { appendAudit, writeTransaction, type Executor, type Transaction } from '../audit';
import { refreshPartyScores } from '../derived-data';

/** A refused or invalid write, with the HTTP status and the field at fault. */
export class WorkspaceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409,
    message: string,
    readonly field: string | null = null,
    readonly details: Record<string, unknown> = {},
    /** The refusal's stable code and parameters, which pages render in their language (src/i18n/workflow-messages.ts); the message stays English. */
    readonly reason: { code: string; params?: Record<string, string | number> } | null = null,
  ) {
    super(message);
  }

  /** The stable code of this refusal, or null. */
  get code(): string | null {
    return this.reason?.code ?? null;
  }
}

/** A WorkspaceError from a refused decision or step, carrying its code. */
export function refusal(status: WorkspaceError['status'], message: string, field: string | null, coded: { code?: string; params?: Record<string, string | number> }, details: Record<string, unknown> = {}): WorkspaceError {
  return new WorkspaceError(status, message, field, details, coded.code ? { code: coded.code, params: coded.params } : null);
}

/** Who is acting, with what the audit log records about them. */
export interface Acting extends Actor {
  email: string;
  name: string;
  ip?: string | null;
}

export type AssessmentRecord = typeof assessments.$inferSelect;
export type EvidenceRecord = typeof evidence.$inferSelect;
export interface AssessmentWithEvidence extends AssessmentRecord {
  evidence: EvidenceRecord[];
  /** Everyone who created, edited or submitted it (the two-person rule's list). */
  writerIds: string[];
}

function enforce(decision: Decision, field: string | null = null): void {
  if (!decision.allowed) throw refusal(decision.status, decision.reason, field, decision);
}

/** Refuses a write of this assessor for this party; a refusal about the assessor names that field. */
function enforceWriter(actor: Actor, partySlug: string, assessor: Assessor): void {
  const decision = canWriteAssessment(actor, partySlug, assessor);
  enforce(decision, !decision.allowed && decision.reason.includes('assessments are written by') ? 'assessor' : null);
}

const nowIso = () => new Date().toISOString();

/**
 * Records that `actor` wrote to these assessments (created, edited or submitted them), in the
 * caller's transaction; the first write of each user is kept. The two-person rule reads this.
 */
export async function recordWriters(tx: Transaction, ids: readonly number[], actor: { id: string; name: string }, action: string, at = nowIso()): Promise<void> {
  for (let i = 0; i < ids.length; i += 400) {
    await tx
      .insert(assessmentWriters)
      .values(ids.slice(i, i + 400).map((assessmentId) => ({ assessmentId, userId: actor.id, userName: actor.name, firstAction: action, at })))
      .onConflictDoNothing();
  }
}

/** The ids of everyone who wrote this assessment (its author included). */
export async function writerIdsOf(db: Executor, id: number): Promise<string[]> {
  const rows = await db.select({ userId: assessmentWriters.userId }).from(assessmentWriters).where(eq(assessmentWriters.assessmentId, id));
  return rows.map((r) => r.userId);
}

/** One assessment with its evidence, or null. */
export async function getAssessment(db: Executor, id: number): Promise<AssessmentWithEvidence | null> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  if (!row) return null;
  const items = await db.select().from(evidence).where(eq(evidence.assessmentId, id)).orderBy(asc(evidence.position));
  return { ...row, evidence: items, writerIds: await writerIdsOf(db, id) };
}

/** Checks that the party exists (400 naming the field otherwise). */
async function checkParty(db: Executor, partySlug: string): Promise<void> {
  const [party] = await db.select({ slug: parties.slug }).from(parties).where(eq(parties.slug, partySlug)).limit(1);
  if (!party) throw new WorkspaceError(400, `party: unknown party code "${partySlug.toUpperCase()}"`, 'party', {}, { code: 'input.unknownParty', params: { party: partySlug.toUpperCase() } });
}

/** Checks that the party exists and the commitment applies to it; returns the canonical codes. */
async function checkTarget(tx: Transaction, partySlug: string, commitmentCode: string): Promise<void> {
  await checkParty(tx, partySlug);
  const [commitment] = await tx.select().from(commitments).where(eq(commitments.code, commitmentCode)).limit(1);
  if (!commitment) throw new WorkspaceError(400, `commitment: unknown commitment code "${commitmentCode}"`, 'commitment', {}, { code: 'input.unknownCommitment', params: { commitment: commitmentCode } });
  const applies =
    commitment.applicability === 'party_pledge'
      ? commitment.pledgePartySlug === partySlug
      : (
          await tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.partySlug, partySlug), eq(participations.instrumentSlug, commitment.instrumentSlug)))
            .limit(1)
        ).length > 0;
  if (!applies) throw new WorkspaceError(400, `commitment: ${commitmentCode} does not apply to ${partySlug.toUpperCase()}`, 'commitment', {}, { code: 'input.notApplicable', params: { commitment: commitmentCode, party: partySlug.toUpperCase() } });
  const [party] = await tx.select({ kind: parties.kind }).from(parties).where(eq(parties.slug, partySlug)).limit(1);
  if (party && !appliesToPartyKind(commitment.partyKinds, party.kind)) {
    throw new WorkspaceError(400, `commitment: ${commitmentCode} binds ${commitment.partyKinds === 'states' ? 'states only' : 'companies only'}; it does not apply to ${partySlug.toUpperCase()}`, 'commitment', {}, {
      code: 'input.wrongPartyKind',
      params: { commitment: commitmentCode, party: partySlug.toUpperCase(), kinds: commitment.partyKinds },
    });
  }
}

/** Records the measures an assessment cites: published ones only (400 naming `measures` otherwise). */
async function writeCitedMeasures(tx: Transaction, assessmentId: number, input: AssessmentInput): Promise<void> {
  await tx.delete(assessmentMeasures).where(eq(assessmentMeasures.assessmentId, assessmentId));
  const ids = [...new Set(input.measures ?? [])];
  if (ids.length === 0) return;
  const found = new Set((await tx.select({ id: measures.id }).from(measures).where(and(inArray(measures.id, ids), eq(measures.state, 'published')))).map((m) => m.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw new WorkspaceError(400, `measures: no published measure with id "${missing}"`, 'measures', {}, { code: 'input.unknownMeasure', params: { id: missing } });
  await tx.insert(assessmentMeasures).values(ids.map((measureId) => ({ assessmentId, measureId })));
}

async function insertEvidence(tx: Transaction, assessmentId: number, input: AssessmentInput): Promise<void> {
  await tx.insert(evidence).values(
    input.evidence.map((e, position) => ({
      assessmentId,
      url: e.url,
      title: e.title,
      publisher: e.publisher,
      publishedOn: e.date ?? null,
      grade: e.grade,
      position,
    })),
  );
}

/** Creates a draft (or, with `submit`, a submitted) assessment for a party in the actor's scope. */
export async function createAssessment(db: Database, actor: Acting, input: AssessmentInput, options: { submit?: boolean } = {}): Promise<AssessmentWithEvidence> {
  // A party code that names no party is a mistake to point out, not a scope refusal.
  await checkParty(db, input.party);
  const choice = chooseAssessor(actor, input.party, input.assessor);
  if (!choice.ok) throw refusal(choice.status, choice.reason, choice.reason.includes('assessor') || choice.reason.includes('assessments are written by') ? 'assessor' : null, choice);
  const assessor = choice.assessor;
  const id = await writeTransaction(db, async (tx) => {
    await checkTarget(tx, input.party, input.commitment);
    const now = nowIso();
    const [row] = await tx
      .insert(assessments)
      .values({
        partySlug: input.party,
        commitmentCode: input.commitment,
        status: input.status,
        assessor,
        asOf: input.asOf,
        narrativeEn: input.narrative,
        narrativeTh: input.narrativeTh || null,
        state: options.submit ? 'submitted' : 'draft',
        authorId: actor.id,
        authorName: actor.name,
        createdAt: now,
        updatedAt: now,
        submittedAt: options.submit ? now : null,
      })
      .returning();
    await insertEvidence(tx, row!.id, input);
    await writeCitedMeasures(tx, row!.id, input);
    await recordWriters(tx, [row!.id], actor, options.submit ? 'create_and_submit' : 'create', now);
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.email,
      action: options.submit ? 'assessment.create_and_submit' : 'assessment.create',
      entityType: 'assessment',
      entityId: String(row!.id),
      after: { ...row, evidence: input.evidence },
      ip: actor.ip ?? null,
    });
    return row!.id;
  });
  return (await getAssessment(db, id))!;
}

/** Loads an assessment for a write, or throws 404. */
async function loadForWrite(tx: Transaction, id: number): Promise<AssessmentWithEvidence> {
  const current = await getAssessment(tx, id);
  if (!current) throw new WorkspaceError(404, `assessment ${id} does not exist`, null, {}, { code: 'record.notFound', params: { id } });
  return current;
}

function checkVersion(current: AssessmentRecord, version: number): void {
  if (current.version !== version) {
    throw new WorkspaceError(409, `assessment ${current.id} has changed since you read it (you edited version ${version}; it is now version ${current.version}); reload it and apply your change again`, 'version', {
      currentVersion: current.version,
    }, { code: 'record.changed', params: { id: current.id } });
  }
}

/** Edits a draft or returned assessment; `version` must be the one the editor read. */
export async function updateAssessment(db: Database, actor: Acting, id: number, version: number, input: AssessmentInput): Promise<AssessmentWithEvidence> {
  await writeTransaction(db, async (tx) => {
    const current = await loadForWrite(tx, id);
    enforceWriter(actor, current.partySlug, current.assessor);
    if (input.party !== current.partySlug) throw new WorkspaceError(400, 'party: an assessment cannot move to another party', 'party', {}, { code: 'input.partyFixed' });
    if (input.assessor !== undefined && input.assessor !== current.assessor) {
      throw new WorkspaceError(400, `assessor: an assessment keeps its assessor (this one is ${current.assessor}); write a new assessment instead`, 'assessor', {}, { code: 'input.assessorFixed', params: { assessor: current.assessor } });
    }
    const step = transition(current.state, 'edit');
    if (!step.ok) throw refusal(409, step.message, 'state', step);
    checkVersion(current, version);
    await checkTarget(tx, input.party, input.commitment);
    const [row] = await tx
      .update(assessments)
      .set({
        commitmentCode: input.commitment,
        status: input.status,
        asOf: input.asOf,
        narrativeEn: input.narrative,
        narrativeTh: input.narrativeTh || null,
        version: current.version + 1,
        updatedAt: nowIso(),
      })
      .where(and(eq(assessments.id, id), eq(assessments.version, version)))
      .returning();
    if (!row) throw new WorkspaceError(409, `assessment ${id} has changed since you read it`, 'version', {}, { code: 'record.changed', params: { id } });
    await tx.delete(evidence).where(eq(evidence.assessmentId, id));
    await insertEvidence(tx, id, input);
    await writeCitedMeasures(tx, id, input);
    await recordWriters(tx, [id], actor, 'update');
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.email,
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: String(id),
      before: current,
      after: { ...row, evidence: input.evidence },
      ip: actor.ip ?? null,
    });
  });
  return (await getAssessment(db, id))!;
}

/**
 * Submits one assessment inside `tx`, as a single submit and each item of a bulk submit do: the
 * writer's scope, the transition, the version (when the form sent one), the writers and the
 * audit row (marked `bulk` for a bulk step).
 */
async function submitIn(tx: Transaction, actor: Acting, id: number, { version, bulk = false }: { version?: number | undefined; bulk?: boolean } = {}) {
  const current = await loadForWrite(tx, id);
  enforceWriter(actor, current.partySlug, current.assessor);
  const step = transition(current.state, 'submit');
  if (!step.ok) throw refusal(409, step.message, 'state', step);
  if (version !== undefined) checkVersion(current, version);
  const now = nowIso();
  const [row] = await tx
    .update(assessments)
    .set({ state: 'submitted', submittedAt: now, updatedAt: now, version: current.version + 1 })
    .where(and(eq(assessments.id, id), eq(assessments.version, current.version)))
    .returning();
  await recordWriters(tx, [id], actor, 'submit', now);
  await appendAudit(tx, {
    actorId: actor.id,
    actorLabel: actor.email,
    action: 'assessment.submit',
    entityType: 'assessment',
    entityId: String(id),
    before: { state: current.state, version: current.version },
    after: { state: row!.state, version: row!.version, ...(bulk ? { bulk: true } : {}) },
    ip: actor.ip ?? null,
  });
  return row!;
}

/** Sends a draft or returned assessment to review. */
export async function submitAssessment(db: Database, actor: Acting, id: number, version?: number): Promise<AssessmentWithEvidence> {
  await writeTransaction(db, (tx) => submitIn(tx, actor, id, { version }));
  return (await getAssessment(db, id))!;
}

/**
 * Publishes or returns one submitted assessment inside `tx`, as a single review and each item of
 * a bulk review do: the two-person rule, the transition, the comment a return needs, the new
 * state and the audit row (marked `bulk` for a bulk step). The caller scores the party again
 * after a publication, before the transaction commits.
 */
async function reviewIn(tx: Transaction, actor: Acting, id: number, decision: 'publish' | 'return', comment: string | null, { bulk = false }: { bulk?: boolean } = {}) {
  const current = await loadForWrite(tx, id);
  enforce(canReview(actor, current));
  const step = transition(current.state, decision);
  if (!step.ok) throw refusal(409, step.message, 'state', step);
  if (decision === 'return' && !comment) throw new WorkspaceError(400, 'comment: say what must change before it can be published', 'comment', {}, { code: 'review.commentRequired' });
  const now = nowIso();
  const [row] = await tx
    .update(assessments)
    .set({ state: step.next, reviewerId: actor.id, reviewComment: comment, publishedAt: decision === 'publish' ? now : null, updatedAt: now, version: current.version + 1 })
    .where(and(eq(assessments.id, id), eq(assessments.version, current.version)))
    .returning();
  await appendAudit(tx, {
    actorId: actor.id,
    actorLabel: actor.email,
    action: decision === 'publish' ? 'assessment.publish' : 'assessment.return',
    entityType: 'assessment',
    entityId: String(id),
    before: { state: current.state, version: current.version },
    after: { state: row!.state, version: row!.version, comment, ...(bulk ? { bulk: true } : {}) },
    ip: actor.ip ?? null,
  });
  return { row: row!, partySlug: current.partySlug };
}

/** Publishes or returns a submitted assessment; never one the reviewer wrote. */
export async function reviewAssessment(db: Database, actor: Acting, id: number, decision: 'publish' | 'return', comment: string | null): Promise<AssessmentWithEvidence> {
  await writeTransaction(db, async (tx) => {
    const { partySlug } = await reviewIn(tx, actor, id, decision, comment);
    // The publishing trigger has moved current_assessments and dropped the party's cached
    // scores; score the party again before the transaction commits.
    if (decision === 'publish') await refreshPartyScores(tx, [partySlug]);
  });
  return (await getAssessment(db, id))!;
}

/** What a bulk step did to one assessment: done (with its new state and version), or refused and why. */
export type BulkOutcome = { id: number; ok: true; state: AssessmentRecord['state']; version: number } | { id: number; ok: false; status: 400 | 401 | 403 | 404 | 409; reason: string; code: string | null; params: Record<string, string | number> };

/** Runs one item's step in a savepoint: a refusal rolls back that item only and is reported. */
async function bulkStep(tx: Transaction, id: number, step: () => Promise<AssessmentRecord>): Promise<BulkOutcome> {
  try {
    const row = await tx.transaction(async () => step());
    return { id, ok: true, state: row.state, version: row.version };
  } catch (error) {
    if (error instanceof WorkspaceError) return { id, ok: false, status: error.status, reason: error.message, code: error.code, params: error.reason?.params ?? {} };
    throw error;
  }
}

/** The longest list a bulk step takes at once. */
export const BULK_MAX = 200;

/**
 * Submits several drafts or returned assessments at once (everything an import created, say).
 * One transaction; each item is checked as a single submit would be (scope and assessor by
 * role, state), and the outcome of each is reported: a refused item changes nothing, the
 * others are submitted.
 */
export async function submitAssessments(db: Database, actor: Acting, ids: readonly number[]): Promise<BulkOutcome[]> {
  const unique = [...new Set(ids)].slice(0, BULK_MAX);
  return writeTransaction(db, async (tx) => {
    const outcomes: BulkOutcome[] = [];
    for (const id of unique) {
      outcomes.push(
        await bulkStep(tx, id, () => submitIn(tx, actor, id, { bulk: true })),
      );
    }
    return outcomes;
  });
}

/**
 * Publishes or returns several submitted assessments at once, with one comment. One
 * transaction; each item is checked as a single review would be (the two-person rule,
 * its state), and the outcome of each is reported: a refused item changes nothing, the
 * others are decided. The parties of what was published are scored again before it commits.
 */
export async function reviewAssessments(db: Database, actor: Acting, ids: readonly number[], decision: 'publish' | 'return', comment: string | null): Promise<BulkOutcome[]> {
  const unique = [...new Set(ids)].slice(0, BULK_MAX);
  if (decision === 'return' && !comment) throw new WorkspaceError(400, 'comment: say what must change before they can be published', 'comment', {}, { code: 'review.commentRequired' });
  return writeTransaction(db, async (tx) => {
    const outcomes: BulkOutcome[] = [];
    const publishedParties = new Set<string>();
    for (const id of unique) {
      outcomes.push(
        await bulkStep(tx, id, async () => {
          const { row, partySlug } = await reviewIn(tx, actor, id, decision, comment, { bulk: true });
          if (decision === 'publish') publishedParties.add(partySlug);
          return row;
        }),
      );
    }
    if (publishedParties.size) await refreshPartyScores(tx, [...publishedParties]);
    return outcomes;
  });
}

/** Assessments awaiting review, oldest first, with the last published one for the same party, commitment and assessor. */
export async function getReviewQueue(db: Executor) {
  const queue = await db.select().from(assessments).where(eq(assessments.state, 'submitted')).orderBy(asc(assessments.submittedAt), asc(assessments.id)).limit(200);
  if (queue.length === 0) return [];
  const published = await db
    .select()
    .from(assessments)
    .where(
      and(
        eq(assessments.state, 'published'),
        or(...queue.map((q) => and(eq(assessments.partySlug, q.partySlug), eq(assessments.commitmentCode, q.commitmentCode), eq(assessments.assessor, q.assessor)))),
      ),
    );
  const items = await db.select().from(evidence).where(inArray(evidence.assessmentId, [...queue.map((q) => q.id), ...published.map((p) => p.id)])).orderBy(asc(evidence.position));
  const latestOf = (q: AssessmentRecord) =>
    published
      .filter((p) => p.partySlug === q.partySlug && p.commitmentCode === q.commitmentCode && p.assessor === q.assessor)
      .sort((a, b) => (a.asOf === b.asOf ? (b.publishedAt ?? '').localeCompare(a.publishedAt ?? '') || b.id - a.id : b.asOf.localeCompare(a.asOf)))[0] ?? null;
  const writers = await db
    .select({ assessmentId: assessmentWriters.assessmentId, userId: assessmentWriters.userId })
    .from(assessmentWriters)
    .where(inArray(assessmentWriters.assessmentId, queue.map((q) => q.id)));
  const withEvidence = (row: AssessmentRecord): AssessmentWithEvidence => ({
    ...row,
    evidence: items.filter((e) => e.assessmentId === row.id),
    writerIds: writers.filter((w) => w.assessmentId === row.id).map((w) => w.userId),
  });
  // What the reviewer needs to see to know what will be published: names, titles, measures.
  const [titles, names, cited] = await Promise.all([
    db.select({ code: commitments.code, titleEn: commitments.titleEn, titleTh: commitments.titleTh }).from(commitments).where(inArray(commitments.code, [...new Set(queue.map((q) => q.commitmentCode))])),
    db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties).where(inArray(parties.slug, [...new Set(queue.map((q) => q.partySlug))])),
    db
      .select({ assessmentId: assessmentMeasures.assessmentId, id: measures.id, titleEn: measures.titleEn, titleTh: measures.titleTh })
      .from(assessmentMeasures)
      .innerJoin(measures, eq(measures.id, assessmentMeasures.measureId))
      .where(inArray(assessmentMeasures.assessmentId, queue.map((q) => q.id))),
  ]);
  return queue.map((q) => {
    const previous = latestOf(q);
    return {
      item: withEvidence(q),
      previous: previous ? withEvidence(previous) : null,
      commitment: titles.find((c) => c.code === q.commitmentCode) ?? null,
      party: names.find((p) => p.slug === q.partySlug) ?? null,
      measures: cited.filter((m) => m.assessmentId === q.id).map(({ id, titleEn, titleTh }) => ({ id, titleEn, titleTh })),
    };
  });
}

/** The JSON shape of an assessment in the staff API. */
export function assessmentToJson(a: AssessmentWithEvidence) {
  return {
    id: a.id,
    version: a.version,
    state: a.state,
    party: a.partySlug.toUpperCase(),
    commitment: a.commitmentCode,
    status: a.status,
    assessor: a.assessor,
    asOf: a.asOf,
    narrative: a.narrativeEn,
    narrativeTh: a.narrativeTh,
    authorId: a.authorId,
    reviewerId: a.reviewerId,
    reviewComment: a.reviewComment,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    submittedAt: a.submittedAt,
    publishedAt: a.publishedAt,
    evidence: a.evidence.map((e) => ({ url: e.url, title: e.title, publisher: e.publisher, date: e.publishedOn, grade: e.grade })),
  };
}
