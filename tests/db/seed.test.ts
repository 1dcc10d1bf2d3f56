import { and, count, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { loadContent, type SeedContent } from '../../db/content';
import { assessments, auditLog, commitments, conferences, domesticSteps, evidence, indicators, indicatorValues, instruments, openQuestions, participations, parties } from '../../db/schema';
import { RETRACT_ACTION, seedDatabase } from '../../db/seed';
import { SYNTHETIC_PUBLISHER } from '../../db/generate/synthetic';
import { IMPORTED_NOTE_PREFIX } from '../../src/domain/treaty-import-rules';
import { appendAudit, verifyAuditChain } from '../../src/lib/server/audit';
import { createTempDatabase } from '../helpers/temp-db';

/** Every row of every table (full-text indexes left out: their content table is compared), as one comparable string per table. */
async function snapshot(db: Database): Promise<Record<string, string>> {
  const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master m WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' AND NOT EXISTS (SELECT 1 FROM sqlite_master v WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND (m.name = v.name OR m.name LIKE v.name || '\\_%' ESCAPE '\\')) ORDER BY name`);
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const rows = await db.all(sql.raw(`SELECT * FROM "${name}" ORDER BY rowid`));
    result[name] = JSON.stringify(rows);
  }
  return result;
}

describe('migrations', () => {
  it('create every table on an empty temp-file database', async () => {
    const { db } = await createTempDatabase();
    const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    const names = tables.map((t) => t.name);
    for (const table of ['parties', 'instruments', 'participations', 'commitments', 'assessments', 'evidence', 'indicators', 'indicator_values', 'conferences']) {
      expect(names).toContain(table);
    }
    const fk = await db.all<{ foreign_keys: number }>(sql`PRAGMA foreign_keys`);
    expect(fk[0]!.foreign_keys).toBe(1);
    const mode = await db.all<{ journal_mode: string }>(sql`PRAGMA journal_mode`);
    expect(mode[0]!.journal_mode).toBe('wal');
  });
});

describe('seed', () => {
  let content: SeedContent;
  let db: Database;
  beforeAll(async () => {
    content = loadContent();
    ({ db } = await createTempDatabase());
    await seedDatabase(db, content);
  });

  it('loads exactly what content/ holds', async () => {
    const n = async (table: Parameters<Database['select']>[0] extends never ? never : any) => (await db.select({ n: count() }).from(table))[0]!.n;
    expect(await n(parties)).toBe(content.parties.length);
    expect(await n(instruments)).toBe(content.instruments.length);
    expect(await n(commitments)).toBe(content.instruments.reduce((s, i) => s + i.commitments.length, 0));
    expect(await n(participations)).toBe(content.instruments.reduce((s, i) => s + i.participations.length, 0));
    expect(await n(assessments)).toBe(content.assessments.length);
    expect(await n(conferences)).toBe(content.conferences.length);
    expect(await n(indicatorValues)).toBe(content.indicators.reduce((s, i) => s + i.values.length, 0));
    expect(await n(domesticSteps)).toBe(content.domesticSteps.length);
    expect(await n(openQuestions)).toBe(content.openQuestions.length);
  });

  it('holds the real facts the monitor starts from', async () => {
    const uncc = await db.select().from(instruments).where(eq(instruments.slug, 'un-convention-against-cybercrime'));
    expect(uncc[0]).toMatchObject({ eifThreshold: 40, eifDelayDays: 90, eifRegionalOrgsCountExtra: false });
    const signatures = await db.select({ n: count() }).from(participations).where(sql`${participations.instrumentSlug} = 'un-convention-against-cybercrime' AND ${participations.action} = 'signature' AND ${participations.actedOn} <= '2025-10-26'`);
    expect(signatures[0]!.n).toBeGreaterThanOrEqual(72);
    const tls = await db.select().from(parties).where(eq(parties.slug, 'tls'));
    expect(tls[0]!.aseanMemberSince).toBe('2025-10-26');
    const members = await db.select({ party: participations.partySlug }).from(participations).where(sql`${participations.instrumentSlug} = 'bangkok-joint-statement-2025' AND ${participations.action} = 'membership'`);
    expect(members.map((m) => m.party).sort()).toEqual(['are', 'bgd', 'npl', 'per', 'tha']);
    const tiktok = await db.select().from(participations).where(sql`${participations.partySlug} = 'tiktok'`);
    expect(tiktok.map((t) => t.action)).toContain('partner');
  });

  it('gives every assessment at least one evidence row or cited measure, and every fact row its provenance', async () => {
    // An assessment from content/assessments/ may rest on cited measures alone.
    const bare = await db.all(sql`SELECT a.id FROM assessments a LEFT JOIN evidence e ON e.assessment_id = a.id WHERE e.id IS NULL AND NOT EXISTS (SELECT 1 FROM assessment_measures m WHERE m.assessment_id = a.id)`);
    expect(bare).toEqual([]);
    for (const table of ['parties', 'instruments', 'participations', 'commitments', 'conferences', 'indicator_values', 'domestic_steps']) {
      const missing = await db.all(sql.raw(`SELECT * FROM ${table} WHERE checked_on IS NULL OR confidence NOT IN ('confirmed','reported','inferred') OR (confidence = 'confirmed' AND source_url = '')`));
      expect(missing, table).toEqual([]);
    }
  });

  it('counts no Convention deposit without the depositary, and keeps domestic steps apart', async () => {
    const consents = await db.all(sql`SELECT party_slug FROM participations WHERE instrument_slug = 'un-convention-against-cybercrime' AND action IN ('ratification','acceptance','approval','accession','succession')`);
    expect(consents).toEqual([]);
    const steps = await db.select().from(domesticSteps).where(eq(domesticSteps.partySlug, 'aze'));
    expect(steps.map((s) => [s.step, s.takenOn]).sort()).toEqual([['law_signed', '2026-02-23'], ['parliament_approved', '2026-02-10']]);
    const signatories = await db.all<{ party_slug: string }>(sql`SELECT party_slug FROM participations WHERE instrument_slug = 'un-convention-against-cybercrime' AND action = 'signature'`);
    expect(signatories.map((r) => r.party_slug)).not.toContain('can');
    expect(signatories.map((r) => r.party_slug)).not.toContain('are');
    expect(signatories).toHaveLength(73);
    const [mus] = await db.select().from(participations).where(sql`${participations.partySlug} = 'mus' AND ${participations.instrumentSlug} = 'un-convention-against-cybercrime'`);
    expect(mus!.actedOn).toBe('2025-11-19');
    const [aze] = await db.select().from(participations).where(sql`${participations.partySlug} = 'aze' AND ${participations.action} = 'signature' AND ${participations.instrumentSlug} = 'un-convention-against-cybercrime'`);
    expect(JSON.parse(aze!.reservations!).map((r: { article: string }) => r.article)).toContain('Art. 7(2)');
    const questions = await db.select().from(openQuestions);
    expect(questions.map((q) => q.key)).toContain('uncc-74th-signatory');
  });

  it('is idempotent: a second run changes nothing', async () => {
    const before = await snapshot(db);
    const report = await seedDatabase(db, content);
    expect(report.assessmentsAdded).toBe(0);
    expect(await snapshot(db)).toEqual(before);
  });

  it('keeps an assessment that staff entered, and its evidence', async () => {
    const [row] = await db
      .insert(assessments)
      .values({ partySlug: 'tha', commitmentCode: content.instruments[0]!.commitments[0]!.code, status: 'limited', assessor: 'self_reported', asOf: '2026-02-01', narrativeEn: 'Entered by staff in the workspace.', authorName: 'Staff member', state: 'draft' })
      .returning();
    await db.insert(evidence).values({ assessmentId: row!.id, url: 'https://example.org/evidence', title: 'Staff evidence', publisher: 'Ministry', grade: 'official' });
    await seedDatabase(db, content);
    const kept = await db.select().from(assessments).where(eq(assessments.id, row!.id));
    expect(kept[0]).toEqual(row);
    expect(await db.select().from(evidence).where(eq(evidence.assessmentId, row!.id))).toHaveLength(1);
  });

  it('removes a treaty action, domestic step or indicator value that content/ no longer holds, with an audit row each; keeps imported, synthetic and staff-entered rows', async () => {
    const { db: own } = await createTempDatabase();
    await seedDatabase(own, content);
    const instrument = content.instruments.find((i) => i.participations.length > 1)!;
    const [droppedAction, ...keptActions] = instrument.participations;
    const indicator = content.indicators.find((i) => i.values.length > 1)!;
    const [droppedValue, ...keptValues] = indicator.values;
    const [droppedStep, ...keptSteps] = content.domesticSteps;
    const droppedIndicator = content.indicators.find((i) => i !== indicator && i.party)!;
    // Rows that content/ never held: a reviewed import, the benchmark generator's, a value staff entered.
    const other = content.parties.find((p) => !instrument.participations.some((a) => a.party === p.slug))!.slug;
    const fact = { sourceUrl: 'https://example.org/x', sourcePublisher: 'x', confidence: 'confirmed' as const, checkedOn: '2026-12-01' };
    await own.insert(participations).values({ partySlug: other, instrumentSlug: instrument.slug, action: 'signature', actedOn: '2026-01-02', ...fact, note: `${IMPORTED_NOTE_PREFIX} (import 1), checked 2026-12-01.` });
    await own.insert(participations).values({ partySlug: other, instrumentSlug: instrument.slug, action: 'accession', actedOn: '2026-01-03', ...fact, sourcePublisher: SYNTHETIC_PUBLISHER });
    const [staffValue] = await own.insert(indicatorValues).values({ indicatorSlug: indicator.slug, periodEnd: '2026-11-30', periodLabel: 'Entered by staff', value: 5, ...fact }).returning();
    await appendAudit(own, { actorId: null, actorLabel: 'editor@example.org', action: 'indicator_value.create', entityType: 'indicator_value', entityId: String(staffValue!.id), after: staffValue });
    const [goneAction] = await own.select().from(participations).where(and(eq(participations.instrumentSlug, instrument.slug), eq(participations.partySlug, droppedAction!.party), eq(participations.action, droppedAction!.action)));

    const smaller: SeedContent = {
      ...content,
      instruments: content.instruments.map((i) => (i === instrument ? { ...i, participations: keptActions } : i)),
      // One indicator keeps fewer values; another is dropped whole.
      indicators: content.indicators.filter((i) => i !== droppedIndicator).map((i) => (i === indicator ? { ...i, values: keptValues } : i)),
      domesticSteps: keptSteps,
    };
    const report = await seedDatabase(own, smaller);
    expect(report.retracted).toBe(4 + droppedIndicator.values.length);
    expect(await own.select().from(indicators).where(eq(indicators.slug, droppedIndicator.slug))).toEqual([]);
    expect(await own.select().from(indicatorValues).where(eq(indicatorValues.indicatorSlug, droppedIndicator.slug))).toEqual([]);
    const actions = await own.select().from(participations).where(eq(participations.instrumentSlug, instrument.slug));
    expect(actions.map((a) => `${a.partySlug} ${a.action}`).sort()).toEqual([...keptActions.map((a) => `${a.party} ${a.action}`), `${other} signature`, `${other} accession`].sort());
    const values = await own.select().from(indicatorValues).where(eq(indicatorValues.indicatorSlug, indicator.slug));
    expect(values.map((v) => v.periodLabel).sort()).toEqual([...keptValues.map((v) => v.periodLabel), 'Entered by staff'].sort());
    const steps = await own.select().from(domesticSteps);
    expect(steps.some((d) => d.partySlug === droppedStep!.party && d.instrumentSlug === droppedStep!.instrument && d.step === droppedStep!.step)).toBe(false);
    expect(steps).toHaveLength(keptSteps.length);
    expect(droppedValue).toBeDefined();

    const audit = await own.select().from(auditLog).where(eq(auditLog.action, RETRACT_ACTION));
    expect(audit.map((a) => a.entityType).sort()).toEqual(['domestic_step', 'indicator', ...Array(1 + droppedIndicator.values.length).fill('indicator_value'), 'participation']);
    const actionRow = audit.find((a) => a.entityType === 'participation')!;
    expect(actionRow.entityId).toBe(String(goneAction!.id));
    expect(JSON.parse(actionRow.before!)).toMatchObject({ partySlug: droppedAction!.party, action: droppedAction!.action });
    expect(await verifyAuditChain(own)).toMatchObject({ ok: true });
    // Once gone, a second run removes nothing more.
    expect((await seedDatabase(own, smaller)).retracted).toBe(0);
  });
});
