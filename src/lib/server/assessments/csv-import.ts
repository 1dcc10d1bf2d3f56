/**
 * The CSV importer's two steps. `previewImport` parses and checks a file and lists what it
 * would change, writing nothing. `applyImport` does the same inside one write transaction
 * (so that nobody writes between the check and the writes), refuses when any row has an
 * error or when the changes are no longer the ones the preview showed (its digest), and
 * otherwise writes every change with one audit row per assessment and one for the import:
 * all of it commits, or none of it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessments, evidence } from '../../../../db/schema';
import type { AssessmentInput } from '../../../domain/assessment-input';
import { countChanges, parseImportCsv, partiesOf, planImport, type ChangeKind, type ImportPlan, type PlannedChange } from '../../../domain/csv-import';
import { appendAudit, writeTransaction, type Executor, type Transaction } from '../audit';
import type { Acting } from './service';
import { loadImportContext } from './spreadsheet';

/** Checks a file and lists the changes it would make; writes nothing. */
export async function previewImport(db: Executor, actor: Acting, text: string): Promise<ImportPlan> {
  const file = parseImportCsv(text);
  const context = await loadImportContext(db, actor, partiesOf(file));
  return planImport(file, text, context);
}

/** The outcome of an apply. */
export type ApplyResult =
  | { outcome: 'applied'; importId: string; plan: ImportPlan; counts: Record<ChangeKind, number>; written: number }
  | { outcome: 'no_changes'; plan: ImportPlan }
  | { outcome: 'rejected'; plan: ImportPlan }
  | { outcome: 'changed'; plan: ImportPlan };

export interface ApplyOptions {
  /** The digest of the preview the person confirmed; when given, anything else is refused. */
  expectedDigest?: string;
  fileName?: string;
  /** Called as changes are written (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** Thrown inside the transaction to roll it back; turned into a result outside. */
class Refusal extends Error {
  constructor(readonly result: ApplyResult) {
    super(result.outcome);
  }
}

const WRITE_CHUNK = 200;

/** Applies a file all or nothing; see the module comment. */
export async function applyImport(db: Database, actor: Acting, text: string, options: ApplyOptions = {}): Promise<ApplyResult> {
  const file = parseImportCsv(text);
  const parties = partiesOf(file);
  try {
    return await writeTransaction(db, async (tx) => {
      const plan = planImport(file, text, await loadImportContext(tx, actor, parties));
      if (plan.errorCount > 0) throw new Refusal({ outcome: 'rejected', plan });
      if (options.expectedDigest !== undefined && plan.digest !== options.expectedDigest) throw new Refusal({ outcome: 'changed', plan });
      if (plan.changes.length === 0) return { outcome: 'no_changes', plan } as const;
      const importId = crypto.randomUUID();
      const written = await writeChanges(tx, actor, importId, plan.changes, options.onProgress);
      const counts = countChanges(plan);
      await appendAudit(tx, {
        actorId: actor.id,
        actorLabel: actor.email,
        action: 'import.apply',
        entityType: 'import',
        entityId: importId,
        after: { fileName: options.fileName ?? null, digest: plan.digest, rows: plan.rows, unchanged: plan.unchanged, empty: plan.empty, ...counts, parties },
        ip: actor.ip ?? null,
      });
      return { outcome: 'applied', importId, plan, counts, written } as const;
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

function evidenceRows(assessmentId: number, input: AssessmentInput) {
  return input.evidence.map((e, position) => ({ assessmentId, url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.date ?? null, grade: e.grade, position }));
}

async function insertEvidence(tx: Transaction, rows: ReturnType<typeof evidenceRows>): Promise<void> {
  for (let i = 0; i < rows.length; i += 400) await tx.insert(evidence).values(rows.slice(i, i + 400));
}

/** Writes every change and its audit row; returns how many assessments were written. */
async function writeChanges(tx: Transaction, actor: Acting, importId: string, changes: readonly PlannedChange[], onProgress?: (done: number, total: number) => void): Promise<number> {
  const now = new Date();
  const at = now.toISOString();
  const total = changes.length;
  let done = 0;
  const fresh = changes.filter((c) => c.kind !== 'update');
  const edits = changes.filter((c) => c.kind === 'update');

  for (let i = 0; i < fresh.length; i += WRITE_CHUNK) {
    const chunk = fresh.slice(i, i + WRITE_CHUNK);
    const inserted = await tx
      .insert(assessments)
      .values(
        chunk.map((c) => ({
          partySlug: c.input.party,
          commitmentCode: c.input.commitment,
          status: c.input.status,
          assessor: c.input.assessor,
          asOf: c.input.asOf,
          narrativeEn: c.input.narrative,
          narrativeTh: c.input.narrativeTh || null,
          state: 'draft' as const,
          authorId: actor.id,
          authorName: actor.name,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning();
    await insertEvidence(tx, inserted.flatMap((row, j) => evidenceRows(row.id, chunk[j]!.input)));
    for (const [j, row] of inserted.entries()) {
      const change = chunk[j]!;
      await appendAudit(
        tx,
        {
          actorId: actor.id,
          actorLabel: actor.email,
          action: 'assessment.create',
          entityType: 'assessment',
          entityId: String(row.id),
          after: { ...row, evidence: change.input.evidence, import: { id: importId, row: change.row, supersedes: change.targetId } },
          ip: actor.ip ?? null,
        },
        now,
      );
    }
    done += chunk.length;
    onProgress?.(done, total);
  }

  for (let i = 0; i < edits.length; i += WRITE_CHUNK) {
    const chunk = edits.slice(i, i + WRITE_CHUNK);
    const ids = chunk.map((c) => c.targetId!);
    const before = new Map((await tx.select().from(assessments).where(inArray(assessments.id, ids))).map((a) => [a.id, a]));
    const beforeEvidence = await tx.select().from(evidence).where(inArray(evidence.assessmentId, ids));
    await tx.delete(evidence).where(inArray(evidence.assessmentId, ids));
    for (const change of chunk) {
      const [row] = await tx
        .update(assessments)
        .set({
          status: change.input.status,
          asOf: change.input.asOf,
          narrativeEn: change.input.narrative,
          narrativeTh: change.input.narrativeTh || null,
          version: change.targetVersion! + 1,
          updatedAt: at,
        })
        .where(and(eq(assessments.id, change.targetId!), eq(assessments.version, change.targetVersion!)))
        .returning();
      // The plan was made in this transaction, so the version cannot have moved; if it did, roll everything back.
      if (!row) throw new Error(`assessment ${change.targetId} changed during the import`);
      await appendAudit(
        tx,
        {
          actorId: actor.id,
          actorLabel: actor.email,
          action: 'assessment.update',
          entityType: 'assessment',
          entityId: String(row.id),
          before: { ...before.get(row.id), evidence: beforeEvidence.filter((e) => e.assessmentId === row.id) },
          after: { ...row, evidence: change.input.evidence, import: { id: importId, row: change.row } },
          ip: actor.ip ?? null,
        },
        now,
      );
    }
    await insertEvidence(tx, chunk.flatMap((c) => evidenceRows(c.targetId!, c.input)));
    done += chunk.length;
    onProgress?.(done, total);
  }
  return done;
}
