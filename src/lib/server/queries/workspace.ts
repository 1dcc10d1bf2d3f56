/**
 * Reads for the staff workspace: what is mine to do, one party's commitments with their
 * published and unpublished assessments, and the audit log (keyset-paginated). Every query
 * takes the database first.
 */
import { and, asc, desc, eq, gte, inArray, isNull, like, lt, ne, or, type SQL } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { assessments, auditLog, auditRefusalWindows, commitments, evidence, indicators, parties } from '../../../../db/schema';
import { addDays } from '../../../domain/dates';
import type { AuthUser } from '../auth/auth-user';
import { getUserByEmail } from '../auth/auth-user';
import { getPartyScores, type CommitmentRecord, type PublishedAssessment } from './scorecard';
import type { AssessmentRecord, EvidenceRecord } from '../assessments/service';

/** An unpublished assessment as the dashboard lists it. */
export interface WorkItem {
  id: number;
  partySlug: string;
  commitmentCode: string;
  commitmentTitle: string;
  /** The commitment's Thai title. */
  commitmentTitleTh: string;
  state: AssessmentRecord['state'];
  status: AssessmentRecord['status'];
  assessor: AssessmentRecord['assessor'];
  asOf: string;
  authorName: string;
  authorId: string | null;
  reviewComment: string | null;
  updatedAt: string;
  submittedAt: string | null;
}

/** How many items each dashboard list shows at most. */
export const DASHBOARD_LIMIT = 50;

const workItemColumns = {
  id: assessments.id,
  partySlug: assessments.partySlug,
  commitmentCode: assessments.commitmentCode,
  commitmentTitle: commitments.titleEn,
  commitmentTitleTh: commitments.titleTh,
  state: assessments.state,
  status: assessments.status,
  assessor: assessments.assessor,
  asOf: assessments.asOf,
  authorName: assessments.authorName,
  authorId: assessments.authorId,
  reviewComment: assessments.reviewComment,
  updatedAt: assessments.updatedAt,
  submittedAt: assessments.submittedAt,
};

async function workItems(db: Database, where: SQL | undefined, order: SQL[]): Promise<WorkItem[]> {
  return db
    .select(workItemColumns)
    .from(assessments)
    .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
    .where(where)
    .orderBy(...order)
    .limit(DASHBOARD_LIMIT);
}

export interface OverdueCommitment {
  partySlug: string;
  code: string;
  title: string;
  /** The title in Thai, for the Thai workspace. */
  titleTh: string;
  dueOn: string;
  status: PublishedAssessment['status'] | null;
}

export interface Dashboard {
  parties: { slug: string; nameEn: string; nameTh: string }[];
  drafts: WorkItem[];
  returned: WorkItem[];
  /** Submitted by me or for my parties, waiting for a reviewer. */
  waiting: WorkItem[];
  /** For reviewers: submitted by someone else, mine to review. */
  toReview: WorkItem[];
  overdue: OverdueCommitment[];
}

/** What is mine to do on `today`: my drafts, returned items, items awaiting my review, overdue commitments of my parties. */
export async function getDashboard(db: Database, user: AuthUser, today: string): Promise<Dashboard> {
  const mine = user.parties.length
    ? or(eq(assessments.authorId, user.id), inArray(assessments.partySlug, user.parties))!
    : eq(assessments.authorId, user.id);
  const [partyRows, drafts, returned, waiting, toReview] = await Promise.all([
    user.parties.length
      ? db.select({ slug: parties.slug, nameEn: parties.nameEn, nameTh: parties.nameTh }).from(parties).where(inArray(parties.slug, user.parties)).orderBy(asc(parties.nameEn))
      : Promise.resolve([]),
    workItems(db, and(eq(assessments.state, 'draft'), mine), [desc(assessments.updatedAt)]),
    workItems(db, and(eq(assessments.state, 'returned'), mine), [desc(assessments.updatedAt)]),
    workItems(db, and(eq(assessments.state, 'submitted'), mine), [asc(assessments.submittedAt)]),
    user.roles.includes('reviewer')
      ? workItems(db, and(eq(assessments.state, 'submitted'), or(ne(assessments.authorId, user.id), isNull(assessments.authorId))), [asc(assessments.submittedAt), asc(assessments.id)])
      : Promise.resolve([]),
  ]);
  const overdue: OverdueCommitment[] = [];
  for (const party of partyRows) {
    const { scores, commitments: applicable } = await getPartyScores(db, party.slug, today);
    const titles = new Map(applicable.map((c) => [c.code, c.titleEn]));
    const titlesTh = new Map(applicable.map((c) => [c.code, c.titleTh]));
    for (const state of scores.commitments) {
      if (!state.overdue || !state.commitment.dueOn) continue;
      const code = state.commitment.code;
      overdue.push({ partySlug: party.slug, code, title: titles.get(code) ?? code, titleTh: titlesTh.get(code) ?? titles.get(code) ?? code, dueOn: state.commitment.dueOn, status: state.latest?.status ?? null });
    }
  }
  return { parties: partyRows, drafts, returned, waiting, toReview, overdue };
}

/** An assessment with its evidence, for the party page. */
export interface AssessmentWithItems extends AssessmentRecord {
  evidence: EvidenceRecord[];
}

/** One applicable commitment on the party page. */
export interface PartyCommitmentRow {
  commitment: CommitmentRecord;
  published: Partial<Record<'self_reported' | 'independent', PublishedAssessment & { evidence: EvidenceRecord[] }>>;
  /** Drafts, submitted and returned assessments, newest first. */
  open: AssessmentWithItems[];
  overdue: boolean;
}

/** Every commitment that applies to a party, with the latest published status per assessor and every unpublished assessment, each with its evidence. */
export async function getPartyWorkspace(db: Database, partySlug: string, today: string): Promise<PartyCommitmentRow[]> {
  const [{ scores, commitments: applicable }, open] = await Promise.all([
    getPartyScores(db, partySlug, today),
    db
      .select()
      .from(assessments)
      .where(and(eq(assessments.partySlug, partySlug), ne(assessments.state, 'published')))
      .orderBy(desc(assessments.updatedAt), desc(assessments.id)),
  ]);
  const states = new Map(scores.commitments.map((s) => [s.commitment.code, s]));
  const publishedIds = scores.commitments.flatMap((s) => Object.values(s.byAssessor).map((a) => a!.id));
  const ids = [...publishedIds, ...open.map((a) => a.id)];
  const items = ids.length ? await db.select().from(evidence).where(inArray(evidence.assessmentId, ids)).orderBy(asc(evidence.assessmentId), asc(evidence.position)) : [];
  const evidenceOf = (id: number) => items.filter((e) => e.assessmentId === id);
  return applicable.map((commitment) => {
    const state = states.get(commitment.code);
    const published: PartyCommitmentRow['published'] = {};
    for (const [assessor, assessment] of Object.entries(state?.byAssessor ?? {})) {
      if (assessment) published[assessor as 'self_reported' | 'independent'] = { ...assessment, evidence: evidenceOf(assessment.id) };
    }
    return {
      commitment,
      published,
      open: open.filter((a) => a.commitmentCode === commitment.code).map((a) => ({ ...a, evidence: evidenceOf(a.id) })),
      overdue: state?.overdue ?? false,
    };
  });
}

/** Filters of the audit log page; all optional. */
export interface AuditFilter {
  /** An e-mail address, or `cli` / `anonymous`. */
  actor?: string;
  /** An action, or a prefix ending in a dot (`assessment.`). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Inclusive UTC days, `YYYY-MM-DD`. */
  from?: string;
  to?: string;
}

export type AuditRow = typeof auditLog.$inferSelect;

/** The page size of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the audit log, newest first: rows with id below `before` that match the
 * filter, and the cursor of the next page (null on the last). Keyset pagination on the
 * primary key: a page reads forward from the cursor until it has `limit + 1` matches, never
 * counting or skipping the rows before it. An actor filter uses the actor index.
 */
export async function listAuditLog(db: Database, filter: AuditFilter, before: number | null, limit = AUDIT_PAGE_SIZE): Promise<{ rows: (AuditRow & { repeated: number })[]; next: number | null }> {
  const where: SQL[] = [];
  if (before !== null) where.push(lt(auditLog.id, before));
  if (filter.actor) {
    const label = filter.actor.trim().toLowerCase();
    const user = label.includes('@') ? await getUserByEmail(db, label) : null;
    where.push(user ? eq(auditLog.actorId, user.id) : eq(auditLog.actorLabel, label));
  }
  if (filter.action) {
    const action = filter.action.trim();
    where.push(action.endsWith('.') ? like(auditLog.action, `${action.replace(/[%_\\]/g, '')}%`) : eq(auditLog.action, action));
  }
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType.trim()));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId.trim()));
  if (filter.from) where.push(gte(auditLog.at, `${filter.from}T00:00:00.000Z`));
  if (filter.to) where.push(lt(auditLog.at, `${addDays(filter.to, 1)}T00:00:00.000Z`));
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  // A refusal row stands for every identical refusal in its window: how many there were.
  const refusalIds = page.filter((r) => r.action === 'auth.refused').map((r) => r.id);
  const counts = refusalIds.length
    ? await db.select({ auditId: auditRefusalWindows.auditId, count: auditRefusalWindows.count }).from(auditRefusalWindows).where(inArray(auditRefusalWindows.auditId, refusalIds))
    : [];
  const countOf = new Map(counts.map((c) => [c.auditId, c.count]));
  return { rows: page.map((r) => ({ ...r, repeated: countOf.get(r.id) ?? 1 })), next: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** The distinct entity types and actions seen in the audit log's newest rows, for the filter's suggestions. */
export async function getAuditVocabulary(db: Database): Promise<{ actions: string[]; entityTypes: string[] }> {
  const rows = await db.select({ action: auditLog.action, entityType: auditLog.entityType }).from(auditLog).orderBy(desc(auditLog.id)).limit(2000);
  return { actions: [...new Set(rows.map((r) => r.action))].sort(), entityTypes: [...new Set(rows.map((r) => r.entityType))].sort() };
}

/** A party's own indicators (those with no values yet included), by English name. */
export async function listPartyIndicators(db: Database, partySlug: string) {
  return db
    .select({ slug: indicators.slug, nameEn: indicators.nameEn, nameTh: indicators.nameTh, unit: indicators.unit })
    .from(indicators)
    .where(eq(indicators.partySlug, partySlug))
    .orderBy(asc(indicators.nameEn));
}
