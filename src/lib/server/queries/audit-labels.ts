/**
 * Names and titles for the audit log's rows: who acted (the account's display name and
 * e-mail) and what they acted on (an assessment as its party and commitment, a measure by
 * its title, a user by name …). Reads only the rows on the page, one batched query per kind
 * of record present, never one per row. Records whose kind has no title (a refused request,
 * a CLI command) keep their id as their label.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { apiTokens, assessments, commitments, indicators, indicatorValues, instruments, measures, participations, parties, treatyImports, users } from '../../../../db/schema';
import type { Locale } from '../../../i18n/locales';
import { ACTION_LABELS } from '../../../i18n/ui';

/** The part of an audit row these labels need. */
export interface AuditRowRef {
  id: number;
  actorId: string | null;
  entityType: string;
  entityId: string | null;
}

/** How one audit row names its actor and its record; null where there is nothing better than the stored label or id. */
export interface AuditRowLabels {
  /** The acting account's display name and e-mail. */
  actor: { name: string; email: string } | null;
  /** The record's title in the page's language. */
  entity: string | null;
  /** The record's workspace page, where it has one. */
  href: string | null;
}

const numericIds = (ids: string[]) => [...new Set(ids.filter((id) => /^\d{1,15}$/.test(id)).map(Number))];

/** Labels for each row of one page of the audit log, by audit row id. */
export async function describeAuditRows(db: Database, rows: readonly AuditRowRef[], locale: Locale): Promise<Map<number, AuditRowLabels>> {
  const th = locale === 'th';
  const idsOf = (type: string) => rows.filter((r) => r.entityType === type && r.entityId !== null).map((r) => r.entityId!);
  const userIds = [...new Set([...rows.map((r) => r.actorId).filter((id): id is string => id !== null), ...idsOf('user')])];
  const assessmentIds = numericIds(idsOf('assessment'));
  const measureIds = [...new Set(idsOf('measure'))];
  const participationIds = numericIds(idsOf('participation'));
  const treatyImportIds = numericIds(idsOf('treaty_import'));
  const indicatorValueIds = numericIds(idsOf('indicator_value'));
  const tokenIds = [...new Set(idsOf('api_token'))];
  const none = Promise.resolve([]);
  const [people, assessmentRows, measureRows, participationRows, importRows, valueRows, tokenRows] = await Promise.all([
    userIds.length ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, userIds)) : none,
    assessmentIds.length
      ? db
          .select({ id: assessments.id, partyEn: parties.nameEn, partyTh: parties.nameTh, code: commitments.code, titleEn: commitments.titleEn, titleTh: commitments.titleTh })
          .from(assessments)
          .innerJoin(parties, eq(parties.slug, assessments.partySlug))
          .innerJoin(commitments, eq(commitments.code, assessments.commitmentCode))
          .where(inArray(assessments.id, assessmentIds))
      : none,
    measureIds.length ? db.select({ id: measures.id, titleEn: measures.titleEn, titleTh: measures.titleTh }).from(measures).where(inArray(measures.id, measureIds)) : none,
    participationIds.length
      ? db
          .select({ id: participations.id, action: participations.action, partyEn: parties.nameEn, partyTh: parties.nameTh, instrument: instruments.shortName, instrumentTh: instruments.shortNameTh })
          .from(participations)
          .innerJoin(parties, eq(parties.slug, participations.partySlug))
          .innerJoin(instruments, eq(instruments.slug, participations.instrumentSlug))
          .where(inArray(participations.id, participationIds))
      : none,
    treatyImportIds.length
      ? db
          .select({ id: treatyImports.id, fileName: treatyImports.fileName, instrument: instruments.shortName, instrumentTh: instruments.shortNameTh })
          .from(treatyImports)
          .innerJoin(instruments, eq(instruments.slug, treatyImports.instrumentSlug))
          .where(inArray(treatyImports.id, treatyImportIds))
      : none,
    indicatorValueIds.length
      ? db
          .select({ id: indicatorValues.id, period: indicatorValues.periodLabel, nameEn: indicators.nameEn, nameTh: indicators.nameTh })
          .from(indicatorValues)
          .innerJoin(indicators, eq(indicators.slug, indicatorValues.indicatorSlug))
          .where(inArray(indicatorValues.id, indicatorValueIds))
      : none,
    tokenIds.length ? db.select({ id: apiTokens.id, name: apiTokens.name, owner: users.name }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(inArray(apiTokens.id, tokenIds)) : none,
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const titles = new Map<string, { title: string; href: string | null }>();
  const key = (type: string, id: string | number) => `${type} ${id}`;
  for (const a of assessmentRows) titles.set(key('assessment', a.id), { title: `${th ? a.partyTh : a.partyEn} · ${a.code} ${th ? a.titleTh : a.titleEn}`, href: `/workspace/assessments/${a.id}` });
  for (const m of measureRows) titles.set(key('measure', m.id), { title: (th && m.titleTh) || m.titleEn, href: `/workspace/measures/${m.id}` });
  for (const p of participationRows) titles.set(key('participation', p.id), { title: `${th ? p.partyTh : p.partyEn} · ${(th && p.instrumentTh) || p.instrument} · ${ACTION_LABELS[locale][p.action]}`, href: null });
  for (const i of importRows) titles.set(key('treaty_import', i.id), { title: `${(th && i.instrumentTh) || i.instrument} · ${th && i.fileName === 'pasted table' ? 'ตารางที่วางไว้' : i.fileName}`, href: null });
  for (const v of valueRows) titles.set(key('indicator_value', v.id), { title: `${th ? v.nameTh : v.nameEn} · ${v.period}`, href: null });
  for (const tk of tokenRows) titles.set(key('api_token', tk.id), { title: `${tk.name} (${tk.owner})`, href: null });
  for (const u of people) titles.set(key('user', u.id), { title: `${u.name} <${u.email}>`, href: null });
  const labels = new Map<number, AuditRowLabels>();
  for (const row of rows) {
    const actor = row.actorId ? person.get(row.actorId) : undefined;
    const found = row.entityId !== null ? titles.get(key(row.entityType, row.entityId)) : undefined;
    labels.set(row.id, { actor: actor ? { name: actor.name, email: actor.email } : null, entity: found?.title ?? null, href: found?.href ?? null });
  }
  return labels;
}
