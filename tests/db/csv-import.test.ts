/**
 * The importer against a real (temp-file) database: a round trip changes nothing, edits are
 * written with their audit rows, 5,000 rows go in one transaction, and a file with one bad
 * row (or one that no longer matches its preview) writes nothing at all.
 */
import { count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { assessments, auditLog, evidence } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { verifyAuditChain } from '../../src/lib/server/audit';
import { applyImport, previewImport } from '../../src/lib/server/assessments/csv-import';
import { createAssessment, updateAssessment, type Acting } from '../../src/lib/server/assessments/service';
import { exportPartyAssessmentsCsv } from '../../src/lib/server/assessments/spreadsheet';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { addSyntheticCommitments, editRows, newAssessmentCells, readRecords, writeRecords, writtenTablesChecksum } from '../helpers/import-fixtures';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-tha', email: 'editor@mfa.go.th', name: 'Editor THA', roles: ['editor', 'analyst'], parties: ['tha', 'npl'] };
const nplOnly: Acting = { id: 'editor-npl', email: 'editor@mofa.gov.np', name: 'Editor NPL', roles: ['editor'], parties: ['npl'] };

const countOf = async (db: Database, table: typeof assessments | typeof evidence | typeof auditLog) => (await db.select({ n: count() }).from(table))[0]!.n;

describe('round trip on the seeded data', () => {
  let db: Database;
  beforeAll(async () => {
    ({ db } = await createTempDatabase());
    await seedDatabase(db);
  });

  it('export, then import with no edits: "no changes", not one byte written', async () => {
    const text = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    expect(text.startsWith('\uFEFFassessment_id,')).toBe(true);
    const rows = readRecords(text);
    expect(rows.some((r) => r[2] === 'published')).toBe(true);
    const before = await writtenTablesChecksum(db);
    const preview = await previewImport(db, editor, text);
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toEqual([]);
    expect(preview.unchanged).toBeGreaterThan(0);
    const result = await applyImport(db, editor, text, { expectedDigest: preview.digest });
    expect(result.outcome).toBe('no_changes');
    expect(await writtenTablesChecksum(db)).toBe(before);
  });

  it('applies edits as drafts with one audit row each plus one for the import, then round-trips again with no changes', async () => {
    const text = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    let published = 0;
    let empty = 0;
    const edited = editRows(text, (row, i) => {
      if (row.state === 'published' && published++ === 0) return { status: row.status === 'complete' ? 'substantial' : 'complete', narrative: `${row.narrative}\nUpdated from the spreadsheet.` };
      if (row.assessment_id === '' && empty++ < 2) return newAssessmentCells(i);
      return null;
    });
    const auditBefore = await countOf(db, auditLog);
    const assessmentsBefore = await countOf(db, assessments);
    const preview = await previewImport(db, editor, edited);
    expect(preview.errors).toEqual([]);
    expect(preview.changes.map((c) => c.kind).sort()).toEqual(['create', 'create', 'supersede']);
    const result = await applyImport(db, editor, edited, { expectedDigest: preview.digest, fileName: 'tha.csv' });
    expect(result).toMatchObject({ outcome: 'applied', counts: { create: 2, update: 0, supersede: 1 }, written: 3 });
    expect(await countOf(db, assessments)).toBe(assessmentsBefore + 3);
    const audit = await db.select().from(auditLog).where(inArray(auditLog.id, Array.from({ length: 4 }, (_, i) => auditBefore + 1 + i)));
    expect(audit.map((a) => a.action)).toEqual(['assessment.create', 'assessment.create', 'assessment.create', 'import.apply']);
    expect(JSON.parse(audit[3]!.after!)).toMatchObject({ fileName: 'tha.csv', create: 2, supersede: 1, update: 0, parties: ['tha'] });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    const drafts = await db.select().from(assessments).where(eq(assessments.authorId, editor.id));
    expect(drafts.every((d) => d.state === 'draft' && d.version === 1)).toBe(true);
    expect(drafts.some((d) => d.narrativeTh?.startsWith('รายงานความคืบหน้า'))).toBe(true);

    // The drafts are now the current rows: exported and imported untouched, nothing changes.
    const again = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    expect(readRecords(again).filter((r) => r[2] === 'draft')).toHaveLength(3);
    const checksum = await writtenTablesChecksum(db);
    expect((await applyImport(db, editor, again)).outcome).toBe('no_changes');
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  });

  it('edits a draft in place (version + 1, evidence replaced) and refuses a stale version afterwards', async () => {
    const text = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    const target = readRecords(text).find((r) => r[2] === 'draft')!;
    const id = Number(target[0]);
    const edited = editRows(text, (row) => (row.assessment_id === String(id) ? { evidence_2_url: 'https://www.thaigov.go.th/news/1', evidence_2_title: 'Cabinet note', evidence_2_publisher: 'Government House', evidence_2_grade: 'official' } : null));
    const result = await applyImport(db, editor, edited);
    expect(result).toMatchObject({ outcome: 'applied', counts: { update: 1 } });
    const [row] = await db.select().from(assessments).where(eq(assessments.id, id));
    expect(row).toMatchObject({ version: 2, state: 'draft' });
    expect((await db.select().from(evidence).where(eq(evidence.assessmentId, id))).map((e) => e.position)).toEqual([0, 1]);
    const updateAudit = await db.select().from(auditLog).where(eq(auditLog.entityId, String(id)));
    expect(updateAudit.map((a) => a.action)).toEqual(['assessment.create', 'assessment.update']);

    // The same file again: its version (1) is stale now, and its content differs from version 2.
    const stale = editRows(edited, (row) => (row.assessment_id === String(id) ? { evidence_2_title: 'Cabinet note, revised' } : null));
    const checksum = await writtenTablesChecksum(db);
    const refused = await applyImport(db, editor, stale);
    expect(refused.outcome).toBe('rejected');
    expect(refused.plan.errors).toEqual([expect.objectContaining({ column: 'version', message: expect.stringContaining(`assessment ${id} is now version 2`) })]);
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  });

  it('refuses to apply when the data changed after the preview, and writes nothing', async () => {
    const text = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    const target = readRecords(text).find((r) => r[2] === 'draft')!;
    const edited = editRows(text, (row) => (row.assessment_id === target[0] ? { status: 'not_started' } : null));
    const preview = await previewImport(db, editor, edited);
    expect(preview.changes).toHaveLength(1);
    // Someone else edits that draft between the preview and the apply.
    const current = readRecords((await exportPartyAssessmentsCsv(db, 'tha'))!).find((r) => r[0] === target[0])!;
    await updateAssessment(db, editor, Number(target[0]), Number(current[1]), assessmentInputSchema.parse({
      party: 'tha', commitment: current[4], status: 'complete', assessor: current[6], asOf: current[8], narrative: 'Changed by someone else in the meantime.',
      evidence: [{ url: 'https://example.org/x', title: 'Another source', publisher: 'Someone', grade: 'other' }],
    }));
    const checksum = await writtenTablesChecksum(db);
    const result = await applyImport(db, editor, edited, { expectedDigest: preview.digest });
    expect(result.outcome).toBe('rejected');
    expect(await writtenTablesChecksum(db)).toBe(checksum);
    // Rows appended one by one (the service) after batches (the imports) still make one chain.
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('refuses every row of a party outside the editor\'s scope, and writes nothing', async () => {
    const text = editRows((await exportPartyAssessmentsCsv(db, 'tha'))!, (row, i) => (row.assessment_id === '' && i < 40 ? newAssessmentCells(i) : null));
    const checksum = await writtenTablesChecksum(db);
    const result = await applyImport(db, nplOnly, text);
    expect(result.outcome).toBe('rejected');
    expect(result.plan.outOfScope).toEqual(['THA']);
    expect(result.plan.errors.every((e) => e.column === 'party')).toBe(true);
    expect(result.plan.errorCount).toBe(result.plan.rows);
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  });
});

describe('5,000 rows', () => {
  let db: Database;
  let filled: string;
  beforeAll(async () => {
    ({ db } = await createTempDatabase());
    await seedDatabase(db);
    await addSyntheticCommitments(db, 'bulk', 2_500, ['tha']);
    // Only the synthetic commitments' rows, all 5,000 filled in.
    const [header, ...rows] = readRecords((await exportPartyAssessmentsCsv(db, 'tha'))!);
    const bulk = rows.filter((r) => r[4]!.startsWith('BULK-'));
    expect(bulk).toHaveLength(5_000);
    filled = editRows(writeRecords([header!, ...bulk]), (_, i) => newAssessmentCells(i));
  });

  it('an error in row 4,999 means nothing is applied', async () => {
    const bad = editRows(filled, (_, i) => (i === 4_997 ? { evidence_1_url: '' } : null));
    const checksum = await writtenTablesChecksum(db);
    const result = await applyImport(db, editor, bad);
    expect(result.outcome).toBe('rejected');
    expect(result.plan.errors).toEqual([expect.objectContaining({ row: 4_999, column: 'evidence_1_url' })]);
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  });

  it('applies 5,000 new assessments in one transaction, with 5,001 audit rows, and the chain still verifies', async () => {
    const assessmentsBefore = await countOf(db, assessments);
    const auditBefore = await countOf(db, auditLog);
    let t = performance.now();
    const preview = await previewImport(db, editor, filled);
    const previewMs = performance.now() - t;
    expect(preview.errors).toEqual([]);
    expect(preview.changes).toHaveLength(5_000);
    const progress: number[] = [];
    t = performance.now();
    const result = await applyImport(db, editor, filled, { expectedDigest: preview.digest, onProgress: (done) => progress.push(done) });
    const applyMs = performance.now() - t;
    console.log(`import of 5,000 rows: preview ${Math.round(previewMs)} ms, apply ${Math.round(applyMs)} ms (5,000 assessments, 5,000 evidence rows, 5,001 audit rows)`);
    expect(result).toMatchObject({ outcome: 'applied', written: 5_000, counts: { create: 5_000, update: 0, supersede: 0 } });
    expect(progress.at(-1)).toBe(5_000);
    expect(progress.length).toBeGreaterThan(1);
    expect(await countOf(db, assessments)).toBe(assessmentsBefore + 5_000);
    expect(await countOf(db, auditLog)).toBe(auditBefore + 5_001);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // And back: exported and imported untouched, the 5,000 drafts change nothing.
    const again = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    const checksum = await writtenTablesChecksum(db);
    t = performance.now();
    const noop = await applyImport(db, editor, again);
    console.log(`round trip of ${noop.plan.rows} rows with no edits: ${Math.round(performance.now() - t)} ms, ${noop.outcome}`);
    expect(noop.outcome).toBe('no_changes');
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  }, 180_000);

  it('refuses a row made stale by a draft created in the workspace after the export', async () => {
    const text = (await exportPartyAssessmentsCsv(db, 'tha'))!;
    await createAssessment(db, editor, assessmentInputSchema.parse({ party: 'tha', commitment: 'BULK-1', assessor: 'independent', status: 'limited', asOf: '2026-01-01', narrative: 'Created in the workspace form.', evidence: [{ url: 'https://example.org/a', title: 'Source A', publisher: 'Publisher', grade: 'media' }] }));
    const edited = editRows(text, (row) => (row.commitment === 'BULK-1' && row.assessor === 'independent' ? newAssessmentCells(1) : null));
    const result = await applyImport(db, editor, edited);
    expect(result.outcome).toBe('rejected');
    expect(result.plan.errors[0]).toMatchObject({ column: 'assessment_id', message: expect.stringContaining('stale row') });
  });
});
