/**
 * What one user's digest lists, read from the database with the workspace's own permission
 * rules (src/domain/permissions.ts): drafts and returned items only of parties the user may
 * edit, the review queue only for a reviewer and only items they may review (not their own,
 * nothing they wrote), and overdue or soon-due commitments only of the user's parties.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessments, assessmentWriters, commitments, parties } from '../../../../db/schema';
import { commitmentUrgency, type DigestAssessment, type DigestCommitment, type DigestContent, type DigestLocale } from '../../../domain/digest';
import { canEditParty, canReview, type Actor } from '../../../domain/permissions';
import { getPartyScores } from '../queries/scorecard';

/** The most items of one kind a digest lists (the workspace shows the rest). */
export const DIGEST_SECTION_LIMIT = 200;

type Row = {
  id: number;
  partySlug: string;
  commitmentCode: string;
  authorId: string | null;
  authorName: string;
  reviewComment: string | null;
  titleEn: string;
  titleTh: string;
  partyEn: string;
  partyTh: string;
};

async function unpublished(db: Database, state: 'draft' | 'returned' | 'submitted', partySlugs: readonly string[] | null): Promise<Row[]> {
  if (partySlugs && partySlugs.length === 0) return [];
  return db
    .select({
      id: assessments.id,
      partySlug: assessments.partySlug,
      commitmentCode: assessments.commitmentCode,
      authorId: assessments.authorId,
      authorName: assessments.authorName,
      reviewComment: assessments.reviewComment,
      titleEn: commitments.titleEn,
      titleTh: commitments.titleTh,
      partyEn: parties.nameEn,
      partyTh: parties.nameTh,
    })
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .innerJoin(parties, eq(parties.slug, assessments.partySlug))
    .where(and(eq(assessments.state, state), partySlugs ? inArray(assessments.partySlug, [...partySlugs]) : undefined))
    .orderBy(asc(assessments.partySlug), asc(assessments.commitmentCode), asc(assessments.id))
    .limit(DIGEST_SECTION_LIMIT);
}

/** Everything due in one user's digest on `today`, in their language; only what they may see and act on. */
export async function buildDigestContent(db: Database, actor: Actor, locale: DigestLocale, today: string): Promise<DigestContent> {
  const th = locale === 'th';
  const toItem = (r: Row): DigestAssessment => ({
    id: r.id,
    partySlug: r.partySlug,
    partyName: th ? r.partyTh : r.partyEn,
    commitmentCode: r.commitmentCode,
    commitmentTitle: th ? r.titleTh : r.titleEn,
    authorName: r.authorName,
    reviewComment: r.reviewComment,
  });
  const editable = actor.parties.filter((slug) => canEditParty(actor, slug).allowed);
  const [drafts, returned, submitted] = await Promise.all([
    unpublished(db, 'draft', editable),
    unpublished(db, 'returned', editable),
    actor.roles.includes('reviewer') ? unpublished(db, 'submitted', null) : Promise.resolve([]),
  ]);

  let toReview: DigestAssessment[] = [];
  if (submitted.length) {
    const writers = await db
      .select({ assessmentId: assessmentWriters.assessmentId, userId: assessmentWriters.userId })
      .from(assessmentWriters)
      .where(inArray(assessmentWriters.assessmentId, submitted.map((s) => s.id)));
    toReview = submitted
      .filter((s) => canReview(actor, { authorId: s.authorId, writerIds: writers.filter((w) => w.assessmentId === s.id).map((w) => w.userId) }).allowed)
      .map(toItem);
  }

  const due: DigestCommitment[] = [];
  if (editable.length) {
    const partyRows = await db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties).where(inArray(parties.slug, editable)).orderBy(asc(parties.slug));
    for (const party of partyRows) {
      const { scores, commitments: applicable } = await getPartyScores(db, party.slug, today);
      const titles = new Map(applicable.map((c) => [c.code, th ? c.titleTh : c.titleEn]));
      for (const state of scores.commitments) {
        const status = state.latest?.status;
        const urgency = commitmentUrgency(state.commitment.dueOn, status, today);
        if (!urgency || !state.commitment.dueOn) continue;
        due.push({
          partySlug: party.slug,
          partyName: th ? party.nameTh : party.nameEn,
          code: state.commitment.code,
          title: titles.get(state.commitment.code) ?? state.commitment.code,
          dueOn: state.commitment.dueOn,
          urgency,
          status: status ?? null,
        });
      }
    }
    due.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.partySlug.localeCompare(b.partySlug) || a.code.localeCompare(b.code));
  }
  return { drafts: drafts.map(toItem), returned: returned.map(toItem), toReview, commitments: due.slice(0, DIGEST_SECTION_LIMIT) };
}
