/**
 * Writing indicator values: an editor adds a value for an indicator of a party in their
 * scope. The value and its audit row are written in one transaction; a second value for the
 * same indicator, period end and label is refused (409), never overwritten.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../../db/client';
import { indicators, indicatorValues } from '../../../../db/schema';
import type { IndicatorValueInput } from '../../../domain/indicator-input';
import { canEditParty } from '../../../domain/permissions';
import { refusal, WorkspaceError, type Acting } from '../assessments/service';
import { appendAudit, writeTransaction } from '../audit';

export type IndicatorValueRecord = typeof indicatorValues.$inferSelect;

/** Adds one value; refuses indicators outside the actor's scope and indicators of no party. */
export async function addIndicatorValue(db: Database, actor: Acting, input: IndicatorValueInput): Promise<IndicatorValueRecord> {
  return writeTransaction(db, async (tx) => {
    const [indicator] = await tx.select().from(indicators).where(eq(indicators.slug, input.indicator)).limit(1);
    if (!indicator) throw new WorkspaceError(400, `indicator: unknown indicator "${input.indicator}"`, 'indicator');
    if (!indicator.partySlug) throw new WorkspaceError(403, 'regional indicators are kept by the secretariat, not by a party’s editors', null, {}, { code: 'indicator.regional' });
    const decision = canEditParty(actor, indicator.partySlug);
    if (!decision.allowed) throw refusal(decision.status, decision.reason, null, decision);
    const [clash] = await tx
      .select({ id: indicatorValues.id })
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorSlug, indicator.slug), eq(indicatorValues.periodEnd, input.periodEnd), eq(indicatorValues.periodLabel, input.periodLabel)))
      .limit(1);
    if (clash) throw new WorkspaceError(409, `periodLabel: there is already a value for "${input.periodLabel}" ending ${input.periodEnd}`, 'periodLabel');
    const [row] = await tx
      .insert(indicatorValues)
      .values({
        indicatorSlug: indicator.slug,
        periodStart: input.periodStart ?? null,
        periodEnd: input.periodEnd,
        periodLabel: input.periodLabel,
        value: input.value,
        valueHigh: input.valueHigh ?? null,
        sourceUrl: input.sourceUrl,
        sourcePublisher: input.sourcePublisher,
        confidence: input.confidence,
        note: input.note || null,
        // Entered by staff from the source they cite: checked on the day it is entered.
        checkedOn: new Date().toISOString().slice(0, 10),
      })
      .returning();
    await appendAudit(tx, {
      actorId: actor.id,
      actorLabel: actor.email,
      action: 'indicator_value.create',
      entityType: 'indicator_value',
      entityId: String(row!.id),
      after: row,
      ip: actor.ip ?? null,
    });
    return row!;
  });
}
