/**
 * What the public data-quality page shows: every fact row by confidence, the rows without an
 * exact source, the rows not checked for too long, and the open questions. One read of the
 * fact tables (a few hundred rows); the exact-source rule is the one data:check enforces.
 */
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import {
  commitments,
  conferences,
  domesticSteps,
  indicators,
  indicatorValues,
  instruments,
  openQuestions,
  participations,
  parties,
} from '../../../../db/schema';
import { addDays } from '../../../domain/dates';
import { isExactSource } from '../../../domain/data-quality';
import { CONFIDENCES, type Confidence } from '../../../domain/vocabulary';
import { DOMESTIC_STEP_LABELS } from '../../../i18n/provenance-strings';
import { ACTION_LABELS } from '../../../i18n/ui';

/** How long a fact may go unchecked before the page lists it. */
export const STALE_AFTER_DAYS = 180;

/** The kinds of fact row, in the order the page lists them. */
export const FACT_KINDS = ['participation', 'domestic_step', 'indicator_value', 'commitment', 'conference', 'instrument', 'party'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One fact row, located well enough to link to the page that shows it. */
export interface FactRow {
  kind: FactKind;
  labelEn: string;
  labelTh: string;
  /** An indicator value's period label, in English (the page shows it in its own language where translated). */
  period?: string;
  /** The public page that shows the fact. */
  path: string;
  sourceUrl: string;
  sourcePublisher: string;
  confidence: Confidence;
  checkedOn: string | null;
}

export interface DataQualityView {
  today: string;
  staleBefore: string;
  byConfidence: { kind: FactKind; counts: Record<Confidence, number>; total: number }[];
  totals: Record<Confidence, number> & { total: number };
  withoutExactSource: FactRow[];
  stale: FactRow[];
  questions: (typeof openQuestions.$inferSelect)[];
}

/** Every fact row of the reference tables. */
async function readFactRows(db: Database): Promise<FactRow[]> {
  const [actions, steps, values, commitmentRows, conferenceRows, instrumentRows, partyRows] = await Promise.all([
    db
      .select({ p: participations, partyEn: parties.nameEn, partyTh: parties.nameTh, instrument: instruments.shortName })
      .from(participations)
      .innerJoin(parties, eq(parties.slug, participations.partySlug))
      .innerJoin(instruments, eq(instruments.slug, participations.instrumentSlug))
      .orderBy(asc(instruments.sortOrder), asc(parties.nameEn)),
    db
      .select({ d: domesticSteps, partyEn: parties.nameEn, partyTh: parties.nameTh, instrument: instruments.shortName })
      .from(domesticSteps)
      .innerJoin(parties, eq(parties.slug, domesticSteps.partySlug))
      .innerJoin(instruments, eq(instruments.slug, domesticSteps.instrumentSlug))
      .orderBy(asc(domesticSteps.takenOn)),
    db
      .select({ v: indicatorValues, nameEn: indicators.nameEn, nameTh: indicators.nameTh, partySlug: indicators.partySlug })
      .from(indicatorValues)
      .innerJoin(indicators, eq(indicators.slug, indicatorValues.indicatorSlug))
      .orderBy(asc(indicators.slug), asc(indicatorValues.periodEnd)),
    db.select().from(commitments).orderBy(asc(commitments.instrumentSlug), asc(commitments.sortOrder)),
    db.select().from(conferences).orderBy(asc(conferences.startsOn)),
    db.select().from(instruments).orderBy(asc(instruments.sortOrder)),
    db.select().from(parties).orderBy(asc(parties.nameEn)),
  ]);
  const fact = (row: { sourceUrl: string; sourcePublisher: string; confidence: Confidence; checkedOn: string | null }) => ({
    sourceUrl: row.sourceUrl,
    sourcePublisher: row.sourcePublisher,
    confidence: row.confidence,
    checkedOn: row.checkedOn,
  });
  return [
    ...actions.map(({ p, partyEn, partyTh, instrument }) => ({
      kind: 'participation' as const,
      labelEn: `${partyEn}: ${instrument}, ${ACTION_LABELS.en[p.action]}${p.actedOn ? ` (${p.actedOn})` : ''}`,
      labelTh: `${partyTh}: ${instrument}, ${ACTION_LABELS.th[p.action]}${p.actedOn ? ` (${p.actedOn})` : ''}`,
      path: `/parties/${p.partySlug}#pipeline`,
      ...fact(p),
    })),
    ...steps.map(({ d, partyEn, partyTh, instrument }) => ({
      kind: 'domestic_step' as const,
      labelEn: `${partyEn}: ${instrument}, ${DOMESTIC_STEP_LABELS.en[d.step]}${d.takenOn ? ` (${d.takenOn})` : ''}`,
      labelTh: `${partyTh}: ${instrument}, ${DOMESTIC_STEP_LABELS.th[d.step]}${d.takenOn ? ` (${d.takenOn})` : ''}`,
      path: `/parties/${d.partySlug}#pipeline`,
      ...fact(d),
    })),
    ...values.map(({ v, nameEn, nameTh, partySlug }) => ({
      kind: 'indicator_value' as const,
      labelEn: nameEn,
      labelTh: nameTh,
      period: v.periodLabel,
      path: partySlug ? `/parties/${partySlug}#indicators` : '/',
      ...fact(v),
    })),
    ...commitmentRows.map((c) => ({ kind: 'commitment' as const, labelEn: `${c.code}: ${c.titleEn}`, labelTh: `${c.code}: ${c.titleTh}`, path: `/instruments/${c.instrumentSlug}#commitment-${c.code}`, ...fact(c) })),
    ...conferenceRows.map((c) => ({ kind: 'conference' as const, labelEn: c.nameEn, labelTh: c.nameTh, path: `/conferences/${c.slug}`, ...fact(c) })),
    ...instrumentRows.map((i) => ({ kind: 'instrument' as const, labelEn: i.shortName, labelTh: i.shortName, path: `/instruments/${i.slug}`, ...fact(i) })),
    ...partyRows.map((p) => ({ kind: 'party' as const, labelEn: p.nameEn, labelTh: p.nameTh, path: `/parties/${p.slug}`, ...fact(p) })),
  ];
}

/** Builds the data-quality page for `today` (YYYY-MM-DD). */
export async function buildDataQualityView(db: Database, today: string): Promise<DataQualityView> {
  const [rows, questions] = await Promise.all([readFactRows(db), db.select().from(openQuestions).orderBy(asc(openQuestions.raisedOn), asc(openQuestions.key))]);
  const zero = () => Object.fromEntries(CONFIDENCES.map((c) => [c, 0])) as Record<Confidence, number>;
  const byConfidence = FACT_KINDS.map((kind) => {
    const counts = zero();
    for (const row of rows) if (row.kind === kind) counts[row.confidence] += 1;
    return { kind, counts, total: CONFIDENCES.reduce((sum, c) => sum + counts[c], 0) };
  });
  const totals = { ...zero(), total: rows.length };
  for (const row of rows) totals[row.confidence] += 1;
  const staleBefore = addDays(today, -STALE_AFTER_DAYS);
  return {
    today,
    staleBefore,
    byConfidence,
    totals,
    withoutExactSource: rows.filter((row) => !isExactSource(row.sourceUrl)),
    stale: rows.filter((row) => row.checkedOn === null || row.checkedOn < staleBefore),
    questions,
  };
}
