import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { auditLog } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { parseMeasureForm, type MeasureFormFields, type MeasureInput } from '../../src/domain/measure-input';
import { createAssessment, WorkspaceError, type Acting } from '../../src/lib/server/assessments/service';
import { getCitedMeasures } from '../../src/lib/server/queries/measures';
import { createMeasure, reviewMeasure, submitMeasure, updateMeasure } from '../../src/lib/server/measures/service';
import { getMeasure, listCommitmentMeasures } from '../../src/lib/server/queries/measures';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'editor-bgd', email: 'editor@example.org', name: 'Editor', roles: ['editor'], parties: ['bgd'] };
const both: Acting = { id: 'editor-reviewer', email: 'both@example.org', name: 'Both', roles: ['editor', 'reviewer'], parties: ['bgd'] };
const reviewer: Acting = { id: 'reviewer', email: 'secretariat@example.org', name: 'Reviewer', roles: ['reviewer'], parties: [] };

const form = (patch: Partial<MeasureFormFields> = {}): MeasureFormFields => ({
  id: 'bgd-cyber-ordinance-2025',
  party: 'bgd',
  kind: 'law',
  titleEn: 'Cyber Protection Ordinance',
  titleTh: '',
  titleOriginal: '',
  originalLanguage: '',
  summaryEn: 'Replaces the earlier act and makes online fraud an offence.',
  summaryTh: '',
  disputedEn: '',
  disputedTh: '',
  stepStep: ['adopted', 'in_force', 'proposed'],
  stepDate: ['2025-05-21', '2025-05-22', ''],
  stepUrl: ['https://example.org/bd/gazette/2025/1', 'https://example.org/bd/news/1', ''],
  stepPublisher: ['Gazette', 'News', ''],
  stepConfidence: ['confirmed', 'reported', 'confirmed'],
  stepCheckedOn: ['2026-12-05', '', ''],
  sourceRole: ['official', 'official'],
  sourceUrl: ['https://example.org/bd/gazette/2025/1', ''],
  sourceTitle: ['The ordinance', ''],
  sourcePublisher: ['Gazette', ''],
  sourceConfidence: ['confirmed', 'confirmed'],
  sourceCheckedOn: ['2026-12-05', ''],
  linkCode: ['uncc-13', ''],
  linkExtent: ['covers', 'covers'],
  linkNoteEn: ['Online fraud is an offence.', ''],
  linkNoteTh: ['', ''],
  ...patch,
});

const parse = (patch: Partial<MeasureFormFields> = {}): MeasureInput => {
  const result = parseMeasureForm(form(patch));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.input;
};

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('the measure form', () => {
  it('drops blank rows and upper-cases commitment codes', () => {
    const input = parse();
    expect(input.steps).toHaveLength(2);
    expect(input.sources).toHaveLength(1);
    expect(input.links).toEqual([{ code: 'UNCC-13', extent: 'covers', noteEn: 'Online fraud is an offence.' }]);
  });

  it('names each field at fault, with the row as shown', () => {
    const result = parseMeasureForm(
      form({ id: 'tha-x-2025', sourceUrl: ['https://example.org/', 'https://example.org/a'], sourceTitle: ['The ordinance', ''], sourcePublisher: ['Gazette', 'P2'], stepDate: ['2025-05-21', '2025-01-01', ''] }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      id: 'The id must start with the party code, “bgd-”.',
      'sources.0.url': expect.stringContaining('exact page'),
      'sources.1.title': expect.any(String),
      'steps.1.date': 'Give the steps oldest first: this one is earlier than the one above it.',
    });
  });

  it('says each problem in words in the page’s language, never the schema’s codes', () => {
    const order = parseMeasureForm(form({ id: 'tha-x-2025', stepDate: ['2025-05-21', '2025-01-01', ''] }), 'th');
    expect(order.ok).toBe(false);
    if (order.ok) return;
    expect(order.errors).toMatchObject({ id: 'รหัสต้องขึ้นต้นด้วยรหัสภาคี “bgd-”', 'steps.1.date': 'เรียงขั้นตอนจากเก่าไปใหม่ ขั้นตอนนี้มีวันที่ก่อนขั้นตอนด้านบน' });
    const fields = parseMeasureForm(form({ kind: 'statute', sourceUrl: ['https://example.org/', ''] }), 'th');
    expect(fields.ok).toBe(false);
    if (fields.ok) return;
    expect(fields.errors).toMatchObject({ kind: 'เลือกประเภทของมาตรการ', 'sources.0.url': expect.stringContaining('ไม่ใช่หน้าแรกของเว็บไซต์') });
    expect(Object.values({ ...order.errors, ...fields.errors }).join(' ')).not.toMatch(/must be one of|law, decree|invalid_|steps go|is listed|\bchoose\b/);
  });

  it('needs at least one source', () => {
    const result = parseMeasureForm(form({ sourceUrl: ['', ''], sourceTitle: ['', ''], sourcePublisher: ['', ''], sourceCheckedOn: ['', ''] }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe('sources');
  });
});

describe('measure lifecycle in the workspace', () => {
  it('draft → edit (versioned) → submit → publish by another person; then fixed', async () => {
    const created = await createMeasure(db, editor, parse());
    expect(created.measure).toMatchObject({ state: 'draft', version: 1, authorId: 'editor-bgd', currentStep: 'in_force' });
    expect(await getMeasure(db, 'bgd-cyber-ordinance-2025')).toBeNull();

    const stale = await refusal(updateMeasure(db, editor, created.measure.id, 7, parse({ titleEn: 'Changed' })));
    expect([stale.status, stale.field]).toEqual([409, 'version']);
    const edited = await updateMeasure(db, editor, created.measure.id, 1, parse({ titleEn: 'Cyber Protection Ordinance 2025' }));
    expect(edited.measure).toMatchObject({ version: 2, titleEn: 'Cyber Protection Ordinance 2025' });

    const submitted = await submitMeasure(db, editor, created.measure.id, 2);
    expect(submitted.measure.state).toBe('submitted');
    expect((await refusal(updateMeasure(db, editor, created.measure.id, 3, parse()))).status).toBe(409);
    expect((await refusal(reviewMeasure(db, editor, created.measure.id, 'publish', null))).status).toBe(403);
    expect((await refusal(reviewMeasure(db, reviewer, created.measure.id, 'return', null))).field).toBe('comment');

    const published = await reviewMeasure(db, reviewer, created.measure.id, 'publish', null);
    expect(published.measure).toMatchObject({ state: 'published', reviewerId: 'reviewer' });
    expect((await getMeasure(db, 'bgd-cyber-ordinance-2025'))!.links.map((l) => l.commitmentCode)).toEqual(['UNCC-13']);
    expect((await listCommitmentMeasures(db, 'UNCC-13')).map((m) => m.id)).toContain('bgd-cyber-ordinance-2025');
    expect((await refusal(updateMeasure(db, editor, created.measure.id, 4, parse()))).status).toBe(409);

    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, 'bgd-cyber-ordinance-2025'))).map((a) => a.action);
    expect(actions).toEqual(['measure.create', 'measure.update', 'measure.submit', 'measure.publish']);
  });

  it('keeps editors to their scope, authors from reviewing their own, and ids unique', async () => {
    expect((await refusal(createMeasure(db, editor, parse({ id: 'tha-x-2025', party: 'tha' })))).status).toBe(403);
    expect((await refusal(createMeasure(db, editor, parse()))).field).toBe('id');
    const own = await createMeasure(db, both, parse({ id: 'bgd-own-2025' }), { submit: true });
    expect(own.measure.state).toBe('submitted');
    expect((await refusal(reviewMeasure(db, both, 'bgd-own-2025', 'publish', null))).status).toBe(403);
    const returned = await reviewMeasure(db, reviewer, 'bgd-own-2025', 'return', 'Add the gazette page.');
    expect(returned.measure).toMatchObject({ state: 'returned', reviewComment: 'Add the gazette page.' });
    const unknown = await refusal(createMeasure(db, editor, parse({ id: 'bgd-links-2025', linkCode: ['NOPE-1', ''] })));
    expect([unknown.status, unknown.field]).toEqual([400, 'links.0.code']);
  });

  it('lets an assessment cite a published measure, and refuses an unpublished one', async () => {
    const base = { party: 'bgd', commitment: 'BJS-7', status: 'limited' as const, assessor: 'self_reported' as const, asOf: '2026-12-01', narrative: 'The ordinance is in force; enforcement is not yet seen.', evidence: [{ url: 'https://example.org/bd/news/2', title: 'A report', publisher: 'News', grade: 'media' as const }] };
    const saved = await createAssessment(db, editor, { ...base, measures: ['bgd-cyber-ordinance-2025'] });
    expect((await getCitedMeasures(db, [saved.id])).map((m) => m.id)).toEqual(['bgd-cyber-ordinance-2025']);
    const refused = await refusal(createAssessment(db, editor, { ...base, measures: ['bgd-own-2025'] }));
    expect([refused.status, refused.field]).toEqual([400, 'measures']);
  });
});
