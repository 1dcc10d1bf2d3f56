/**
 * Reads what the assessment spreadsheet shows (see src/domain/assessment-csv.ts): a party's
 * applicable commitments, its current assessment per commitment and assessor with evidence,
 * and the context the importer checks rows against.
 */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { assessments, commitments, evidence, participations, parties } from '../../../../db/schema';
import { bindsPartyKind } from '../queries/scorecard';
import {
  assessmentKey,
  buildAssessmentCsv,
  pickCurrent,
  type CurrentAssessment,
  type StoredEvidence,
} from '../../../domain/assessment-csv';
import type { ImportCommitment, ImportContext } from '../../../domain/csv-import';
import type { Actor } from '../../../domain/permissions';
import { ASSESSORS } from '../../../domain/vocabulary';
import type { Executor } from '../audit';

/** Ids per `IN (…)` list, well under SQLite's bound-parameter limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Head = ImportContext['assessments'] extends ReadonlyMap<number, infer H> ? H : never;

/** Every assessment of these parties (key fields only), and the current one per key with its evidence. */
export async function loadCurrentAssessments(db: Executor, partySlugs: readonly string[]): Promise<{ heads: Map<number, Head>; current: Map<string, CurrentAssessment> }> {
  const heads = new Map<number, Head>();
  const current = new Map<string, CurrentAssessment>();
  if (partySlugs.length === 0) return { heads, current };
  const rows = await db
    .select({
      id: assessments.id,
      partySlug: assessments.partySlug,
      commitmentCode: assessments.commitmentCode,
      assessor: assessments.assessor,
      state: assessments.state,
      version: assessments.version,
      asOf: assessments.asOf,
      publishedAt: assessments.publishedAt,
    })
    .from(assessments)
    .where(inArray(assessments.partySlug, [...partySlugs]));
  const byKey = new Map<string, Head[]>();
  for (const row of rows) {
    heads.set(row.id, row);
    const key = assessmentKey(row.partySlug, row.commitmentCode, row.assessor);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  const currentIds: number[] = [];
  for (const list of byKey.values()) currentIds.push(pickCurrent(list)!.id);
  for (const ids of chunks(currentIds)) {
    const [full, items] = await Promise.all([
      db.select().from(assessments).where(inArray(assessments.id, ids)),
      db.select().from(evidence).where(inArray(evidence.assessmentId, ids)).orderBy(asc(evidence.assessmentId), asc(evidence.position), asc(evidence.id)),
    ]);
    const evidenceOf = new Map<number, StoredEvidence[]>();
    for (const e of items) {
      const list = evidenceOf.get(e.assessmentId) ?? [];
      list.push({ url: e.url, title: e.title, publisher: e.publisher, publishedOn: e.publishedOn, grade: e.grade });
      evidenceOf.set(e.assessmentId, list);
    }
    for (const a of full) {
      current.set(assessmentKey(a.partySlug, a.commitmentCode, a.assessor), {
        id: a.id,
        version: a.version,
        state: a.state,
        partySlug: a.partySlug,
        commitmentCode: a.commitmentCode,
        assessor: a.assessor,
        status: a.status,
        asOf: a.asOf,
        narrativeEn: a.narrativeEn,
        narrativeTh: a.narrativeTh,
        evidence: evidenceOf.get(a.id) ?? [],
      });
    }
  }
  return { heads, current };
}

/** Commitments that apply to a party, in instrument order: those of the instruments it joined, and its own pledges. */
export async function listPartyCommitments(db: Executor, partySlug: string) {
  const joined = db.selectDistinct({ slug: participations.instrumentSlug }).from(participations).where(eq(participations.partySlug, partySlug));
  return db
    .select({ code: commitments.code, titleEn: commitments.titleEn })
    .from(commitments)
    .where(
      and(
        or(
          and(eq(commitments.applicability, 'all_parties'), inArray(commitments.instrumentSlug, joined)),
          and(eq(commitments.applicability, 'party_pledge'), eq(commitments.pledgePartySlug, partySlug)),
        ),
        bindsPartyKind(partySlug),
      ),
    )
    .orderBy(asc(commitments.instrumentSlug), asc(commitments.sortOrder), asc(commitments.code));
}

/** A party's assessment spreadsheet as CSV text (BOM included), or null when there is no such party. */
export async function exportPartyAssessmentsCsv(db: Executor, partySlug: string): Promise<string | null> {
  const [party] = await db.select({ slug: parties.slug }).from(parties).where(eq(parties.slug, partySlug)).limit(1);
  if (!party) return null;
  const [list, { current }] = await Promise.all([listPartyCommitments(db, partySlug), loadCurrentAssessments(db, [partySlug])]);
  return buildAssessmentCsv(partySlug, list, ASSESSORS, current);
}

/** The importer's view of the database for the parties a file names. */
export async function loadImportContext(db: Executor, actor: Actor, partyCodes: readonly string[]): Promise<ImportContext> {
  const known = partyCodes.length
    ? (await Promise.all(chunks(partyCodes).map((codes) => db.select({ slug: parties.slug }).from(parties).where(inArray(parties.slug, codes))))).flat().map((p) => p.slug)
    : [];
  const [commitmentRows, participationRows, { heads, current }] = await Promise.all([
    db
      .select({ code: commitments.code, instrumentSlug: commitments.instrumentSlug, applicability: commitments.applicability, pledgePartySlug: commitments.pledgePartySlug })
      .from(commitments),
    known.length
      ? db.selectDistinct({ partySlug: participations.partySlug, instrumentSlug: participations.instrumentSlug }).from(participations).where(inArray(participations.partySlug, known))
      : Promise.resolve([]),
    // Only parties the actor may write for: nobody learns of other parties' assessments from an import.
    loadCurrentAssessments(db, known.filter((slug) => actor.roles.includes('analyst') || (actor.roles.includes('editor') && actor.parties.includes(slug)))),
  ]);
  const joined = new Map<string, Set<string>>();
  for (const p of participationRows) {
    const set = joined.get(p.partySlug) ?? new Set<string>();
    set.add(p.instrumentSlug);
    joined.set(p.partySlug, set);
  }
  return {
    actor,
    parties: new Set(known),
    commitments: new Map<string, ImportCommitment>(commitmentRows.map((c) => [c.code, c])),
    joined,
    assessments: heads,
    current,
  };
}
