/**
 * Treaty status from the UN Treaty Collection, as a reviewed change: preview (read the table,
 * diff it against the database, write nothing), prepare (store it with its diff, pending),
 * approve (a second person; writes the new and changed treaty actions in one transaction
 * with their audit rows) or reject. The web workspace and `npm run treaty:import` both call
 * these. Refusals are WorkspaceErrors (400, 403, 404, 409) with a sentence to show.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../../../db/client';
import { instruments, participations, parties, treatyImports, users, type TreatyImportState } from '../../../db/schema';
import { canPrepareTreatyImport, canReviewTreatyImport, entriesToApply, importedRowNote } from '../../domain/treaty-import-rules';
import {
  countDiff,
  createParticipantMatcher,
  diffUntcStatus,
  parseUntcStatus,
  toDiffJson,
  UNTC_ACTIONS,
  type UntcChange,
  type UntcDiffDetail,
  type UntcTable,
} from '../../domain/untc-status';
import { appendAuditBatch, canonicalJson, writeTransaction, type AuditEntry, type Executor } from './audit';
import { refusal, WorkspaceError, type Acting } from './assessments/service';

/** The publisher every imported row names. */
export const UNTC_PUBLISHER = 'UN Treaty Collection';
/** The largest table accepted (the biggest UNTC status tables are under 100 kB). */
export const MAX_TREATY_TABLE_BYTES = 1024 * 1024;

/** What a preview shows: the table as read, its differences, and where rows will be sourced. */
export interface TreatyImportPreview {
  instrumentSlug: string;
  sourceUrl: string;
  table: UntcTable;
  diff: UntcDiffDetail[];
  counts: Record<UntcChange, number>;
}

export type TreatyImportRecord = typeof treatyImports.$inferSelect;

/** A stored import as lists show it: the record, its diff parsed, its people's names. */
export interface TreatyImportView extends Omit<TreatyImportRecord, 'diff' | 'content'> {
  diff: UntcDiffDetail[];
  counts: Record<UntcChange, number>;
  preparedByEmail: string;
  reviewedByEmail: string | null;
}

/** The UNTC page of a treaty, from its own source: refused when that is not on treaties.un.org. */
function untcPage(instrument: { slug: string; type: string; sourceUrl: string }): string {
  let host = '';
  try {
    host = new URL(instrument.sourceUrl).hostname;
  } catch {
    // an unparsable source is refused below
  }
  if (instrument.type !== 'treaty' || host !== 'treaties.un.org') {
    throw new WorkspaceError(400, `instrument: ${instrument.slug} is not a treaty deposited with the UN Secretary-General (its source is not on treaties.un.org)`, 'instrument', {}, { code: 'treaty.notUntc', params: { instrument: instrument.slug } });
  }
  return instrument.sourceUrl;
}

/** Reads the table and compares it with the stored actions of the instrument; writes nothing. */
export async function previewTreatyImport(db: Executor, instrumentSlug: string, content: string): Promise<TreatyImportPreview> {
  const [instrument] = await db.select({ slug: instruments.slug, type: instruments.type, sourceUrl: instruments.sourceUrl }).from(instruments).where(eq(instruments.slug, instrumentSlug));
  if (!instrument) throw new WorkspaceError(404, `instrument: no instrument "${instrumentSlug}"`, 'instrument', {}, { code: 'treaty.noInstrument', params: { instrument: instrumentSlug } });
  const sourceUrl = untcPage(instrument);
  if (Buffer.byteLength(content, 'utf8') > MAX_TREATY_TABLE_BYTES) throw new WorkspaceError(400, 'table: the table is larger than 1 MB', 'table', {}, { code: 'treaty.tooLarge' });
  const table = parseUntcStatus(content);
  const [partyRows, stored] = await Promise.all([
    db.select({ slug: parties.slug, nameEn: parties.nameEn, iso3: parties.iso3 }).from(parties),
    db
      .select({ partySlug: participations.partySlug, action: participations.action, actedOn: participations.actedOn })
      .from(participations)
      .where(and(eq(participations.instrumentSlug, instrumentSlug), inArray(participations.action, [...UNTC_ACTIONS]))),
  ]);
  const diff = diffUntcStatus(table, stored, createParticipantMatcher(partyRows));
  return { instrumentSlug, sourceUrl, table, diff, counts: countDiff(diff) };
}

/** Refuses a table that cannot be imported as it is. */
function assertImportable(preview: TreatyImportPreview): void {
  const { table } = preview;
  if (table.errors.length) {
    const first = table.errors[0]!;
    const more = table.errors.length > 1 ? ` (and ${table.errors.length - 1} more)` : '';
    throw new WorkspaceError(400, `table: ${first.line ? `line ${first.line}: ` : ''}${first.message}${more}`, 'table', { errors: table.errors }, {
      code: 'treaty.lineErrors',
      params: { ...first.params, line: first.line, first: first.message, firstCode: first.code ?? '', more: table.errors.length - 1 },
    });
  }
  if (table.rows.length === 0) throw new WorkspaceError(400, 'table: no participant rows with dates were found', 'table', {}, { code: 'treaty.noRows' });
  if (preview.counts.added + preview.counts.changed === 0) throw new WorkspaceError(409, 'table: the table adds or changes nothing in the database; there is nothing to review', 'table', {}, { code: 'treaty.nothingNew' });
}

const digest = (text: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(text)));

/**
 * Stores the import for review (state `pending`), audited. `checkedOn` is the day the table
 * was read from the UNTC (default: today, UTC). Refuses a table with errors or without new
 * or changed actions.
 */
export async function prepareTreatyImport(
  db: Database,
  actor: Acting,
  input: { instrumentSlug: string; content: string; fileName?: string; checkedOn?: string },
  now: Date = new Date(),
): Promise<{ id: number; preview: TreatyImportPreview }> {
  const decision = canPrepareTreatyImport(actor);
  if (!decision.allowed) throw refusal(decision.status, decision.reason, null, decision);
  const checkedOn = input.checkedOn ?? now.toISOString().slice(0, 10);
  return writeTransaction(db, async (tx) => {
    const preview = await previewTreatyImport(tx, input.instrumentSlug, input.content);
    assertImportable(preview);
    const [row] = await tx
      .insert(treatyImports)
      .values({
        instrumentSlug: input.instrumentSlug,
        fileName: (input.fileName ?? 'pasted table').slice(0, 200),
        format: preview.table.format,
        content: input.content,
        contentDigest: digest(input.content),
        diff: JSON.stringify(preview.diff),
        sourceUrl: preview.sourceUrl,
        checkedOn,
        preparedBy: actor.id,
        preparedAt: now.toISOString(),
      })
      .returning({ id: treatyImports.id });
    await appendAuditBatch(
      tx,
      [{ actorId: actor.id, actorLabel: actor.email, action: 'treaty_import.prepare', entityType: 'treaty_import', entityId: String(row!.id), after: { instrument: input.instrumentSlug, checkedOn, contentDigest: digest(input.content), counts: preview.counts }, ip: actor.ip ?? null }],
      now,
    );
    return { id: row!.id, preview };
  });
}

async function loadPending(tx: Executor, id: number): Promise<TreatyImportRecord> {
  const [record] = await tx.select().from(treatyImports).where(eq(treatyImports.id, id));
  if (!record) throw new WorkspaceError(404, `there is no treaty import ${id}`, null, {}, { code: 'treaty.notFound', params: { id } });
  if (record.state !== 'pending') throw new WorkspaceError(409, `treaty import ${id} was already ${record.state}`, null, {}, { code: 'treaty.alreadyDecided', params: { id, state: record.state } });
  return record;
}

/**
 * Approves a pending import (a reviewer who did not prepare it) and writes, in one
 * transaction: each `added` action as a new row and each `changed` one with its new date,
 * sourced to the treaty's UNTC page with confidence `confirmed` and the day it was checked
 * in the note; one audit row per treaty action and one for the approval. Refused (409) when
 * the database changed since the import was prepared so that the diff is no longer the one
 * stored: it must be prepared again and seen again.
 */
export async function approveTreatyImport(db: Database, actor: Acting, id: number, now: Date = new Date()): Promise<{ id: number; written: UntcDiffDetail[] }> {
  return writeTransaction(db, async (tx) => {
    const record = await loadPending(tx, id);
    const decision = canReviewTreatyImport(actor, record);
    if (!decision.allowed) throw refusal(decision.status, decision.reason, null, decision);
    const preview = await previewTreatyImport(tx, record.instrumentSlug, record.content);
    const prepared = JSON.parse(record.diff) as UntcDiffDetail[];
    if (canonicalJson(toDiffJson(preview.diff)) !== canonicalJson(toDiffJson(prepared))) {
      throw new WorkspaceError(409, `the treaty actions of ${record.instrumentSlug} changed after import ${id} was prepared, so its differences are no longer the ones shown; reject it and prepare the table again`, null, {}, {
        code: 'treaty.changedSince',
        params: { instrument: record.instrumentSlug, id },
      });
    }
    const written = entriesToApply(prepared);
    const note = importedRowNote(id, record.checkedOn);
    const audit: AuditEntry[] = [];
    const who = { actorId: actor.id, actorLabel: actor.email, ip: actor.ip ?? null };
    for (const entry of written) {
      const values = { actedOn: entry.date, sourceUrl: record.sourceUrl, sourcePublisher: UNTC_PUBLISHER, confidence: 'confirmed' as const, checkedOn: record.checkedOn, note };
      const key = and(eq(participations.partySlug, entry.party), eq(participations.instrumentSlug, record.instrumentSlug), eq(participations.action, entry.action));
      if (entry.change === 'added') {
        const [row] = await tx.insert(participations).values({ partySlug: entry.party, instrumentSlug: record.instrumentSlug, action: entry.action, ...values }).returning();
        audit.push({ ...who, action: 'participation.create', entityType: 'participation', entityId: String(row!.id), after: { ...row, treatyImport: id } });
      } else {
        const [before] = await tx.select().from(participations).where(key);
        const [row] = await tx.update(participations).set(values).where(key).returning();
        audit.push({ ...who, action: 'participation.update', entityType: 'participation', entityId: String(row!.id), before, after: { ...row, treatyImport: id } });
      }
    }
    await tx.update(treatyImports).set({ state: 'applied', reviewedBy: actor.id, reviewedAt: now.toISOString() }).where(eq(treatyImports.id, id));
    audit.push({ ...who, action: 'treaty_import.approve', entityType: 'treaty_import', entityId: String(id), after: { instrument: record.instrumentSlug, written: written.length, counts: countDiff(prepared) } });
    await appendAuditBatch(tx, audit, now);
    return { id, written };
  });
}

/** Rejects a pending import (a reviewer who did not prepare it), with a comment; audited. */
export async function rejectTreatyImport(db: Database, actor: Acting, id: number, comment: string | null, now: Date = new Date()): Promise<{ id: number }> {
  return writeTransaction(db, async (tx) => {
    const record = await loadPending(tx, id);
    const decision = canReviewTreatyImport(actor, record);
    if (!decision.allowed) throw refusal(decision.status, decision.reason, null, decision);
    await tx.update(treatyImports).set({ state: 'rejected', reviewedBy: actor.id, reviewedAt: now.toISOString(), reviewComment: comment }).where(eq(treatyImports.id, id));
    await appendAuditBatch(tx, [{ actorId: actor.id, actorLabel: actor.email, action: 'treaty_import.reject', entityType: 'treaty_import', entityId: String(id), after: { comment }, ip: actor.ip ?? null }], now);
    return { id };
  });
}

/** Imports in a state (pending ones oldest first, the others newest first), with their people. */
export async function listTreatyImports(db: Executor, state: TreatyImportState, limit = 50): Promise<TreatyImportView[]> {
  const rows = await db
    .select()
    .from(treatyImports)
    .where(eq(treatyImports.state, state))
    .orderBy(state === 'pending' ? asc(treatyImports.id) : desc(treatyImports.id))
    .limit(limit);
  const ids = [...new Set(rows.flatMap((r) => [r.preparedBy, r.reviewedBy ?? r.preparedBy]))];
  const people = ids.length ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, ids)) : [];
  const email = new Map(people.map((p) => [p.id, p.email]));
  return rows.map(({ diff, content: _content, ...row }) => {
    const entries = JSON.parse(diff) as UntcDiffDetail[];
    return { ...row, diff: entries, counts: countDiff(entries), preparedByEmail: email.get(row.preparedBy) ?? row.preparedBy, reviewedByEmail: row.reviewedBy ? (email.get(row.reviewedBy) ?? row.reviewedBy) : null };
  });
}
