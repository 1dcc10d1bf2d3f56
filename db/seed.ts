/**
 * Loads content/ into the database. Idempotent: reference rows are upserted (so a
 * correction in content/ reaches the database) and seed assessments are inserted once,
 * found again by their `seed_key`. The only rows it deletes are reference rows that content/
 * no longer holds (see retractRemovedRows); it never touches an assessment or indicator value
 * that staff entered.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from './client';
import { loadContent, type SeedContent } from './content';
import {
  assessmentMeasures,
  assessments,
  commitments,
  conferenceOutcomes,
  conferenceParticipants,
  conferences,
  domesticSteps,
  evidence,
  indicators,
  indicatorValues,
  instruments,
  openQuestions,
  measureCommitments,
  measures,
  measureSources,
  measureSteps,
  participations,
  parties,
  researchNotes,
  translations,
} from './schema';
import { refreshPartyScores } from '../src/lib/server/derived-data';
import type { Confidence } from '../src/domain/vocabulary';
import { IMPORTED_NOTE_PREFIX } from '../src/domain/treaty-import-rules';
import { appendAuditBatch, type AuditEntry, type Transaction } from '../src/lib/server/audit';
import { SYNTHETIC_PUBLISHER } from './generate/synthetic';

export interface SeedReport {
  parties: number;
  instruments: number;
  commitments: number;
  participations: number;
  assessmentsAdded: number;
  measuresAdded: number;
  researchNotes: number;
  indicatorValues: number;
  conferences: number;
  domesticSteps: number;
  openQuestions: number;
  /** Rows content/ once held and no longer does, removed (see {@link retractRemovedRows}). */
  retracted: number;
}

const SEED_AUTHOR = 'Monitor secretariat (seed data)';

/** A fact row's provenance columns; a row without a source stores '' (see db/schema/reference.ts). */
const fact = (row: { source?: { url: string; publisher: string } | undefined; confidence: Confidence; note?: string | undefined; checkedOn: string }) => ({
  sourceUrl: row.source?.url ?? '',
  sourcePublisher: row.source?.publisher ?? '',
  confidence: row.confidence,
  note: row.note ?? null,
  checkedOn: row.checkedOn,
});

/** Reservations or declarations as stored: a JSON array, or null when there are none. */
const statements = (items: readonly unknown[]) => (items.length > 0 ? JSON.stringify(items) : null);

/** Every column of `values` but the key, as `excluded.column`, for an upsert. */
function updateAll(table: Parameters<Database['insert']>[0], keys: string[]) {
  const set: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(table as unknown as Record<string, { name?: string }>)) {
    if (keys.includes(name) || typeof column !== 'object' || column === null || !('name' in column)) continue;
    set[name] = sql.raw(`excluded.${column.name}`);
  }
  return set;
}

/** Seeds `db` from `content` (loaded from content/ when omitted), in one transaction. */
export async function seedDatabase(db: Database, content: SeedContent = loadContent()): Promise<SeedReport> {
  const report: SeedReport = {
    parties: content.parties.length,
    instruments: content.instruments.length,
    commitments: 0,
    participations: 0,
    assessmentsAdded: 0,
    measuresAdded: 0,
    researchNotes: content.researchNotes.length,
    indicatorValues: 0,
    conferences: content.conferences.length,
    domesticSteps: content.domesticSteps.length,
    openQuestions: content.openQuestions.length,
    retracted: 0,
  };
  await db.transaction(async (tx) => {
    for (const p of content.parties) {
      await tx
        .insert(parties)
        .values({
          slug: p.slug,
          kind: p.kind,
          iso3: p.iso3 ?? null,
          iso2: p.iso2 ?? null,
          isoNumeric: p.isoNumeric ?? null,
          nameEn: p.nameEn,
          nameTh: p.nameTh,
          region: p.region,
          aseanMemberSince: p.aseanMemberSince ?? null,
          aseanObserverSince: p.aseanObserverSince ?? null,
          ...fact(p),
        })
        .onConflictDoUpdate({ target: parties.slug, set: updateAll(parties, ['slug']) });
    }
    for (const [order, i] of content.instruments.entries()) {
      await tx
        .insert(instruments)
        .values({
          slug: i.slug,
          shortName: i.shortName,
          shortNameTh: i.shortNameTh ?? null,
          titleEn: i.titleEn,
          titleTh: i.titleTh,
          summaryEn: i.summaryEn,
          summaryTh: i.summaryTh,
          type: i.type,
          legalForce: i.legalForce,
          adoptedOn: i.adoptedOn,
          adoptedPlace: i.adoptedPlace,
          openedForSignatureOn: i.openedForSignatureOn ?? null,
          eifThreshold: i.entryIntoForce?.threshold ?? null,
          eifDelayDays: i.entryIntoForce?.delayDays ?? null,
          eifLaterPartyDelayDays: i.entryIntoForce?.laterPartyDelayDays ?? null,
          eifRegionalOrgsCountExtra: i.entryIntoForce?.regionalOrgsCountExtra ?? false,
          enteredIntoForceOn: i.entryIntoForce?.enteredIntoForceOn ?? null,
          eifRuleNote: i.entryIntoForce?.ruleNote ?? null,
          depositaryName: i.depositary?.name ?? null,
          depositaryHosts: i.depositary?.hosts.join(' ') ?? null,
          sortOrder: order,
          ...fact(i),
        })
        .onConflictDoUpdate({ target: instruments.slug, set: updateAll(instruments, ['slug']) });
      for (const [position, c] of i.commitments.entries()) {
        report.commitments += 1;
        await tx
          .insert(commitments)
          .values({
            code: c.code,
            instrumentSlug: i.slug,
            reference: c.reference,
            titleEn: c.titleEn,
            titleTh: c.titleTh,
            summaryEn: c.summaryEn,
            summaryTh: c.summaryTh,
            theme: c.theme,
            applicability: c.applicability,
            partyKinds: c.partyKinds,
            pledgePartySlug: c.pledgeParty ?? null,
            dueOn: c.dueOn ?? null,
            parentCode: c.parent ?? null,
            sortOrder: position,
            ...fact(c),
          })
          .onConflictDoUpdate({ target: commitments.code, set: updateAll(commitments, ['code']) });
      }
      for (const p of i.participations) {
        report.participations += 1;
        await tx
          .insert(participations)
          .values({
            partySlug: p.party,
            instrumentSlug: i.slug,
            action: p.action,
            actedOn: p.date ?? null,
            reservations: statements(p.reservations),
            declarations: statements(p.declarations),
            notificationRef: p.notificationRef ?? null,
            ...fact(p),
          })
          .onConflictDoUpdate({
            target: [participations.partySlug, participations.instrumentSlug, participations.action],
            set: updateAll(participations, ['id', 'partySlug', 'instrumentSlug', 'action']),
            // A row a reviewed UNTC import wrote is newer than the content file: keep it.
            setWhere: sql`${participations.note} IS NULL OR ${participations.note} NOT LIKE ${`${IMPORTED_NOTE_PREFIX}%`}`,
          });
      }
    }
    // Measures before assessments, which cite them. Inserted once (found again by seed_key),
    // published with their steps, sources and crosswalk links in the same statement group.
    for (const m of content.measures) {
      // Published on the day the research was read (its newest checkedOn), never a step's date:
      // a past permalink must not show a measure the monitor had not yet recorded.
      const readOn = [...m.sources.map((s) => s.checkedOn), ...m.steps.map((s) => s.source.checkedOn)].sort().at(-1) ?? m.steps.at(-1)?.date ?? '2026-01-01';
      const stamp = `${readOn}T00:00:00.000Z`;
      const inserted = await tx
        .insert(measures)
        .values({
          id: m.id,
          partySlug: m.party,
          kind: m.kind,
          titleEn: m.titleEn,
          titleTh: m.titleTh ?? null,
          titleOriginal: m.titleOriginal ?? null,
          originalLanguage: m.originalLanguage ?? null,
          summaryEn: m.summaryEn,
          summaryTh: m.summaryTh ?? null,
          currentStep: m.steps.at(-1)?.step ?? null,
          disputedEn: m.disputed ?? null,
          disputedTh: m.disputedTh ?? null,
          state: 'draft',
          authorName: SEED_AUTHOR,
          seedKey: m.id,
          createdAt: stamp,
          updatedAt: stamp,
        })
        .onConflictDoNothing()
        .returning({ id: measures.id });
      if (inserted.length === 0) continue;
      report.measuresAdded += 1;
      if (m.steps.length > 0) {
        await tx.insert(measureSteps).values(
          m.steps.map((s, position) => ({
            measureId: m.id,
            step: s.step,
            date: s.date,
            sourceUrl: s.source.url,
            sourceTitle: s.source.title ?? null,
            sourcePublisher: s.source.publisher,
            confidence: s.source.confidence,
            checkedOn: s.source.checkedOn,
            note: s.source.note ?? null,
            position,
          })),
        );
      }
      await tx.insert(measureSources).values(
        m.sources.map((s, position) => ({
          measureId: m.id,
          role: s.role,
          url: s.url,
          title: s.title,
          publisher: s.publisher,
          confidence: s.confidence,
          checkedOn: s.checkedOn,
          note: s.note ?? null,
          position,
        })),
      );
      if (m.commitments.length > 0) {
        await tx.insert(measureCommitments).values(
          m.commitments.map((c) => ({ measureId: m.id, commitmentCode: c.code, extent: c.extent, noteEn: c.noteEn ?? null, noteTh: c.noteTh ?? null })),
        );
      }
      // Children first, then publish: a published measure's children are fixed (migration 0007).
      await tx.update(measures).set({ state: 'published', submittedAt: stamp, publishedAt: stamp }).where(eq(measures.id, m.id));
    }
    for (const n of content.researchNotes) {
      const row = { partySlug: n.party, checkedOn: n.checkedOn, noteEn: n.noteEn, noteTh: n.noteTh ?? null, notFound: JSON.stringify(n.notFound) };
      await tx.insert(researchNotes).values(row).onConflictDoUpdate({ target: researchNotes.partySlug, set: updateAll(researchNotes, ['partySlug']) });
    }
    for (const a of content.assessments) {
      // Published on the day it was first published (content's publishedAt), never the seed's
      // run time: a database seeded today must show past days as they were published.
      const stamp = `${a.asOf}T00:00:00.000Z`;
      const publishedStamp = a.publishedAt ? `${a.publishedAt}T00:00:00.000Z` : stamp;
      const cited = 'measures' in a ? a.measures : [];
      const inserted = await tx
        .insert(assessments)
        .values({
          partySlug: a.party,
          commitmentCode: a.commitment,
          status: a.status,
          assessor: a.assessor,
          asOf: a.asOf,
          narrativeEn: a.narrativeEn,
          narrativeTh: a.narrativeTh ?? null,
          // One that cites measures is published after its links are in (they are fixed once published).
          state: cited.length > 0 ? 'submitted' : 'published',
          confidence: a.confidence,
          authorName: SEED_AUTHOR,
          seedKey: a.key,
          createdAt: stamp,
          updatedAt: stamp,
          submittedAt: stamp,
          publishedAt: publishedStamp,
        })
        .onConflictDoNothing({ target: assessments.seedKey })
        .returning({ id: assessments.id });
      const id = inserted[0]?.id;
      if (id === undefined) continue;
      report.assessmentsAdded += 1;
      if (a.evidence.length > 0) {
        await tx.insert(evidence).values(
          a.evidence.map((e, position) => ({
            assessmentId: id,
            url: e.url,
            title: e.title,
            publisher: e.publisher,
            publishedOn: e.date ?? null,
            grade: e.grade,
            confidence: 'confidence' in e ? (e.confidence ?? null) : null,
            checkedOn: 'checkedOn' in e ? (e.checkedOn ?? null) : null,
            position,
          })),
        );
      }
      if (cited.length > 0) {
        await tx.insert(assessmentMeasures).values(cited.map((measureId) => ({ assessmentId: id, measureId })));
        await tx.update(assessments).set({ state: 'published' }).where(eq(assessments.id, id));
      }
    }
    for (const i of content.indicators) {
      await tx
        .insert(indicators)
        .values({
          slug: i.slug,
          partySlug: i.party ?? null,
          nameEn: i.nameEn,
          nameTh: i.nameTh,
          unit: i.unit,
          descriptionEn: i.descriptionEn ?? null,
          descriptionTh: i.descriptionTh ?? null,
        })
        .onConflictDoUpdate({ target: indicators.slug, set: updateAll(indicators, ['slug']) });
      for (const v of i.values) {
        report.indicatorValues += 1;
        await tx
          .insert(indicatorValues)
          .values({
            indicatorSlug: i.slug,
            periodStart: v.periodStart ?? null,
            periodEnd: v.periodEnd,
            periodLabel: v.periodLabel,
            value: v.value,
            valueHigh: v.valueHigh ?? null,
            createdAt: `${v.periodEnd}T00:00:00.000Z`,
            ...fact(v),
          })
          .onConflictDoUpdate({
            target: [indicatorValues.indicatorSlug, indicatorValues.periodEnd, indicatorValues.periodLabel],
            set: updateAll(indicatorValues, ['id', 'indicatorSlug', 'periodEnd', 'periodLabel', 'createdAt']),
          });
      }
    }
    for (const c of content.conferences) {
      await tx
        .insert(conferences)
        .values({
          slug: c.slug,
          nameEn: c.nameEn,
          nameTh: c.nameTh,
          startsOn: c.startsOn,
          endsOn: c.endsOn,
          placeEn: c.placeEn,
          placeTh: c.placeTh,
          summaryEn: c.summaryEn,
          summaryTh: c.summaryTh,
          participantCount: c.participantCount ?? null,
          countryCount: c.countryCount ?? null,
          countNote: c.countNote ?? null,
          ...fact(c),
        })
        .onConflictDoUpdate({ target: conferences.slug, set: updateAll(conferences, ['slug']) });
      for (const p of c.participants) {
        await tx
          .insert(conferenceParticipants)
          .values({ conferenceSlug: c.slug, partySlug: p.party, role: p.role, delegationLevel: p.delegationLevel ?? null, note: p.note ?? null })
          .onConflictDoUpdate({
            target: [conferenceParticipants.conferenceSlug, conferenceParticipants.partySlug],
            set: updateAll(conferenceParticipants, ['conferenceSlug', 'partySlug']),
          });
      }
      for (const slug of c.outcomes) {
        await tx.insert(conferenceOutcomes).values({ conferenceSlug: c.slug, instrumentSlug: slug }).onConflictDoNothing();
      }
    }
    // Triggers dropped the cached scores of every party whose assessments or applicable
    // commitments changed: score them again in the same transaction.
    for (const d of content.domesticSteps) {
      await tx
        .insert(domesticSteps)
        .values({
          partySlug: d.party,
          instrumentSlug: d.instrument,
          step: d.step,
          takenOn: d.date ?? null,
          summaryEn: d.summaryEn,
          summaryTh: d.summaryTh,
          ...fact(d),
        })
        .onConflictDoUpdate({
          target: [domesticSteps.partySlug, domesticSteps.instrumentSlug, domesticSteps.step],
          set: updateAll(domesticSteps, ['id', 'partySlug', 'instrumentSlug', 'step']),
        });
    }
    for (const q of content.openQuestions) {
      await tx
        .insert(openQuestions)
        .values({
          key: q.key,
          instrumentSlug: q.instrument ?? null,
          partySlug: q.party ?? null,
          questionEn: q.questionEn,
          questionTh: q.questionTh,
          knownEn: q.knownEn,
          knownTh: q.knownTh,
          raisedOn: q.raisedOn,
          sourceUrl: q.source?.url ?? '',
          sourcePublisher: q.source?.publisher ?? '',
          checkedOn: q.checkedOn,
        })
        .onConflictDoUpdate({ target: openQuestions.key, set: updateAll(openQuestions, ['key']) });
    }
    for (const row of content.translations ?? []) {
      await tx
        .insert(translations)
        .values(row)
        .onConflictDoUpdate({
          target: [translations.entity, translations.entityKey, translations.field, translations.locale],
          set: { text: row.text, source: row.source, machineAssisted: row.machineAssisted },
        });
    }
    report.retracted = await retractRemovedRows(tx, content);
    await refreshPartyScores(tx);
  });
  return report;
}

/** The audit action of a row the seed removed because content/ no longer holds it. */
export const RETRACT_ACTION = 'content.retract';

/**
 * Removes the treaty actions, domestic steps, indicators and indicator values that came from content/ and
 * that content/ no longer holds: a fact found wrong or unsourced is deleted from the files, and
 * an existing database must stop showing it (an upsert alone never removes a row). Rows that did
 * not come from content/ stay: a reviewed UN Treaty Collection import, a value staff entered (it
 * has its own audit row), the benchmark generator's synthetic rows. Each removal is written to
 * the audit log with the row as it was. Returns how many rows went.
 */
async function retractRemovedRows(tx: Transaction, content: SeedContent): Promise<number> {
  const key = (...parts: (string | null)[]) => parts.join('\u0000');
  const entries: AuditEntry[] = [];
  const retract = (entityType: string, row: object, id: string | number): AuditEntry => ({ actorId: null, actorLabel: 'content', action: RETRACT_ACTION, entityType, entityId: String(id), before: row });

  const instrumentSlugs = content.instruments.map((i) => i.slug);
  const wantedParticipations = new Set(content.instruments.flatMap((i) => i.participations.map((p) => key(p.party, i.slug, p.action))));
  const participationRows = await tx
    .select()
    .from(participations)
    .where(sql`${participations.sourcePublisher} <> ${SYNTHETIC_PUBLISHER} AND (${participations.note} IS NULL OR ${participations.note} NOT LIKE ${`${IMPORTED_NOTE_PREFIX}%`})`);
  const goneParticipations = participationRows.filter((r) => instrumentSlugs.includes(r.instrumentSlug) && !wantedParticipations.has(key(r.partySlug, r.instrumentSlug, r.action)));

  const wantedSteps = new Set(content.domesticSteps.map((d) => key(d.party, d.instrument, d.step)));
  const stepRows = await tx.select().from(domesticSteps).where(sql`${domesticSteps.sourcePublisher} <> ${SYNTHETIC_PUBLISHER}`);
  const goneSteps = stepRows.filter((r) => !wantedSteps.has(key(r.partySlug, r.instrumentSlug, r.step)));

  const wantedValues = new Set(content.indicators.flatMap((i) => i.values.map((v) => key(i.slug, v.periodEnd, v.periodLabel))));
  // A value staff entered has an audit row of its creation; the seed writes none.
  const valueRows = await tx
    .select()
    .from(indicatorValues)
    .where(sql`${indicatorValues.sourcePublisher} <> ${SYNTHETIC_PUBLISHER} AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'indicator_value.create' AND a.entity_type = 'indicator_value' AND a.entity_id = CAST(${indicatorValues.id} AS TEXT))`);
  // Every indicator comes from content/: a value of one that content/ dropped goes too.
  const goneValues = valueRows.filter((r) => !wantedValues.has(key(r.indicatorSlug, r.periodEnd, r.periodLabel)));

  if (goneParticipations.length > 0) await tx.delete(participations).where(inArray(participations.id, goneParticipations.map((r) => r.id)));
  if (goneSteps.length > 0) await tx.delete(domesticSteps).where(inArray(domesticSteps.id, goneSteps.map((r) => r.id)));
  if (goneValues.length > 0) await tx.delete(indicatorValues).where(inArray(indicatorValues.id, goneValues.map((r) => r.id)));
  // An indicator content/ dropped, once no value (a staff one) is left under it.
  const goneIndicators = (await tx.select().from(indicators).where(sql`NOT EXISTS (SELECT 1 FROM indicator_values v WHERE v.indicator_slug = ${indicators.slug})`)).filter(
    (r) => !content.indicators.some((i) => i.slug === r.slug),
  );
  if (goneIndicators.length > 0) await tx.delete(indicators).where(inArray(indicators.slug, goneIndicators.map((r) => r.slug)));
  entries.push(
    ...goneParticipations.map((r) => retract('participation', r, r.id)),
    ...goneSteps.map((r) => retract('domestic_step', r, r.id)),
    ...goneValues.map((r) => retract('indicator_value', r, r.id)),
    ...goneIndicators.map((r) => retract('indicator', r, r.slug)),
  );
  await appendAuditBatch(tx, entries);
  return entries.length;
}
