/**
 * The CSV importer's two steps. `previewImport` parses and checks a file and lists what it
 * would change, writing nothing. `applyImport` does the same inside one write transaction
 * (so that nobody writes between the check and the writes), refuses when any row has an
 * error or when the changes are no longer the ones the preview showed (its digest), and
 * otherwise writes every change with one audit row per assessment and one for the import
 * (`import.apply`, with the counts), chained like any other audit rows:
 * all of it commits, or none of it.
 */
import { asc, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessments, evidence } from '../../../../db/schema';
import type { AssessmentInput } from '../../../domain/assessment-input';
import { countChanges, parseImportCsv, partiesOf, planImport, type ChangeKind, type ImportPlan, type PlannedChange } from '../../../domain/csv-import';
import { appendAuditBatch, writeTransaction, type AuditEntry, type Executor, type Transaction } from '../audit';
import { recordWriters, type Acting } from './service';
import { loadImportContext } from './spreadsheet';
import type { Locale } from '../../../i18n/locales';

/** Checks a file and lists the changes it would make; writes nothing. */
export async function previewImport(db: Executor, actor: Acting, text: string, locale: Locale = 'en'): Promise<ImportPlan> {
  const file = parseImportCsv(text, locale);
  const context = await loadImportContext(db, actor, partiesOf(file));
  return planImport(file, text, context, locale);
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
  /** Called as changes are written (done, total): first with 0 once the plan is made, then after every chunk. */
  onProgress?: (done: number, total: number) => void;
  /** The language of the problems reported (the page's); English by default. */
  locale?: Locale;
}

/** Thrown inside the transaction to roll it back; turned into a result outside. */
class Refusal extends Error {
  constructor(readonly result: ApplyResult) {
    super(result.outcome);
  }
}

const WRITE_CHUNK = 200;

/**
 * Lets the event loop run between chunks. The embedded libSQL client runs each statement
 * synchronously, so without this a long apply would hold up every other request to this
 * process (progress polls included) until it commits.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Applies a file all or nothing; see the module comment. */
export async function applyImport(db: Database, actor: Acting, text: string, options: ApplyOptions = {}): Promise<ApplyResult> {
  const file = parseImportCsv(text, options.locale);
  const parties = partiesOf(file);
  try {
    return await writeTransaction(db, async (tx) => {
      const plan = planImport(file, text, await loadImportContext(tx, actor, parties), options.locale);
      if (plan.errorCount > 0) throw new Refusal({ outcome: 'rejected', plan });
      if (options.expectedDigest !== undefined && plan.digest !== options.expectedDigest) throw new Refusal({ outcome: 'changed', plan });
      if (plan.changes.length === 0) return { outcome: 'no_changes', plan } as const;
      const importId = crypto.randomUUID();
      const counts = countChanges(plan);
      const summary: AuditEntry = {
        actorId: actor.id,
        actorLabel: actor.email,
        action: 'import.apply',
        entityType: 'import',
        entityId: importId,
        after: { fileName: options.fileName ?? null, digest: plan.digest, rows: plan.rows, unchanged: plan.unchanged, empty: plan.empty, ...counts, parties },
        ip: actor.ip ?? null,
      };
      const written = await writeChanges(tx, actor, importId, plan.changes, summary, options.onProgress);
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

/**
 * Writes every change and its audit rows (one per assessment, then one for the import). Few
 * statements, many rows each: an embedded libSQL statement costs the better part of a
 * millisecond whatever its size, so 5,000 rows written one by one would take many seconds.
 */
async function writeChanges(
  tx: Transaction,
  actor: Acting,
  importId: string,
  changes: readonly PlannedChange[],
  summary: AuditEntry,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const now = new Date();
  const at = now.toISOString();
  const total = changes.length;
  const audit: AuditEntry[] = [];
  const entry = (action: string, id: number, before: unknown, after: unknown): AuditEntry => ({
    actorId: actor.id,
    actorLabel: actor.email,
    action,
    entityType: 'assessment',
    entityId: String(id),
    before,
    after,
    ip: actor.ip ?? null,
  });
  let done = 0;
  const fresh = changes.filter((c) => c.kind !== 'update');
  const edits = changes.filter((c) => c.kind === 'update');
  onProgress?.(0, total);

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
    await recordWriters(tx, inserted.map((row) => row.id), actor, 'create', at);
    inserted.forEach((row, j) => {
      const change = chunk[j]!;
      audit.push(entry('assessment.create', row.id, null, { ...row, evidence: change.input.evidence, import: { id: importId, row: change.row, supersedes: change.targetId } }));
    });
    done += chunk.length;
    onProgress?.(done, total);
    await yieldToEventLoop();
  }

  for (let i = 0; i < edits.length; i += WRITE_CHUNK) {
    const chunk = edits.slice(i, i + WRITE_CHUNK);
    const ids = chunk.map((c) => c.targetId!);
    const [before, beforeEvidence] = await Promise.all([
      tx.select().from(assessments).where(inArray(assessments.id, ids)),
      tx.select().from(evidence).where(inArray(evidence.assessmentId, ids)).orderBy(asc(evidence.position)),
    ]);
    const rows = chunk.map(
      (c) => sql`(${c.targetId}, ${c.input.status}, ${c.input.asOf}, ${c.input.narrative}, ${c.input.narrativeTh || null}, ${c.targetVersion})`,
    );
    // One UPDATE for the chunk; the version in the WHERE clause is the optimistic-concurrency check.
    const result = await tx.run(sql`
      UPDATE assessments
      SET status = v.column2, as_of = v.column3, narrative_en = v.column4, narrative_th = v.column5, version = v.column6 + 1, updated_at = ${at}
      FROM (VALUES ${sql.join(rows, sql`, `)}) AS v
      WHERE assessments.id = v.column1 AND assessments.version = v.column6`);
    // The plan was made in this transaction, so no version can have moved; if one did, roll everything back.
    if (result.rowsAffected !== chunk.length) throw new Error(`${chunk.length - result.rowsAffected} assessment(s) changed during the import`);
    await tx.delete(evidence).where(inArray(evidence.assessmentId, ids));
    await insertEvidence(tx, chunk.flatMap((c) => evidenceRows(c.targetId!, c.input)));
    await recordWriters(tx, ids, actor, 'update', at);
    const after = new Map((await tx.select().from(assessments).where(inArray(assessments.id, ids))).map((a) => [a.id, a]));
    const beforeById = new Map(before.map((a) => [a.id, a]));
    const evidenceById = new Map<number, (typeof beforeEvidence)[number][]>();
    for (const e of beforeEvidence) evidenceById.set(e.assessmentId, [...(evidenceById.get(e.assessmentId) ?? []), e]);
    for (const change of chunk) {
      const id = change.targetId!;
      audit.push(
        entry('assessment.update', id, { ...beforeById.get(id), evidence: evidenceById.get(id) ?? [] }, { ...after.get(id), evidence: change.input.evidence, import: { id: importId, row: change.row } }),
      );
    }
    done += chunk.length;
    onProgress?.(done, total);
    await yieldToEventLoop();
  }
  await appendAuditBatch(tx, [...audit, summary], now);
  return done;
}
