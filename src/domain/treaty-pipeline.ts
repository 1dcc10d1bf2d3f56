/**
 * One party's way through a treaty, in the order it happens: signed → domestic steps →
 * deposited → in force for it. Treaty actions come from the depositary's record (or a report of
 * one); domestic steps are what the party does at home. A consent action counts as deposited only
 * when the depositary records it; otherwise it is shown as reported, not deposited.
 */
import { isDepositarySource } from './data-quality';
import type { PartyEntryIntoForce } from './entry-into-force';
import { CONSENT_ACTIONS, DOMESTIC_STEPS, type DomesticStep, type ParticipationAction } from './vocabulary';

/** The least a treaty-action row must carry to be placed in a pipeline. */
export interface PipelineAction {
  action: ParticipationAction;
  actedOn: string | null;
  sourceUrl: string;
}

/** The least a domestic-step row must carry. */
export interface PipelineStep {
  step: DomesticStep;
  takenOn: string | null;
}

/** How far a party has come, from nothing recorded to in force for it. */
export type PipelineStage = 'none' | 'signed' | 'domestic' | 'reported' | 'deposited' | 'in_force';

export type PipelineItem<A, S> =
  | { kind: 'signed'; row: A }
  | { kind: 'domestic'; row: S }
  | { kind: 'deposited'; row: A }
  | { kind: 'reported'; row: A }
  | { kind: 'withdrawn'; row: A }
  | { kind: 'in_force'; status: 'in_force' | 'pending'; date: string | null };

export interface Pipeline<A, S> {
  stage: PipelineStage;
  items: PipelineItem<A, S>[];
}

const byDate = (a: string | null, b: string | null) => (a ?? '9999').localeCompare(b ?? '9999');

/**
 * Orders a party's actions and domestic steps on one instrument into its pipeline. `hosts` are the
 * depositary's sites; `forParty` is where the instrument stands for the party (null without a rule).
 */
export function buildPipeline<A extends PipelineAction, S extends PipelineStep>(
  actions: readonly A[],
  steps: readonly S[],
  hosts: readonly string[],
  forParty: PartyEntryIntoForce | null,
): Pipeline<A, S> {
  const items: PipelineItem<A, S>[] = [];
  for (const row of [...actions].filter((a) => a.action === 'signature').sort((x, y) => byDate(x.actedOn, y.actedOn))) items.push({ kind: 'signed', row });
  const orderedSteps = [...steps].sort((x, y) => byDate(x.takenOn, y.takenOn) || DOMESTIC_STEPS.indexOf(x.step) - DOMESTIC_STEPS.indexOf(y.step));
  for (const row of orderedSteps) items.push({ kind: 'domestic', row });
  const consents = [...actions].filter((a) => CONSENT_ACTIONS.includes(a.action)).sort((x, y) => byDate(x.actedOn, y.actedOn));
  for (const row of consents) items.push({ kind: isDepositarySource(row.sourceUrl, hosts) ? 'deposited' : 'reported', row });
  for (const row of actions.filter((a) => a.action === 'withdrawal')) items.push({ kind: 'withdrawn', row });
  if (forParty && forParty.status !== 'not_bound') items.push({ kind: 'in_force', status: forParty.status, date: forParty.date });

  const has = (kind: PipelineItem<A, S>['kind']) => items.some((i) => i.kind === kind);
  let stage: PipelineStage = 'none';
  if (has('in_force') && forParty?.status === 'in_force') stage = 'in_force';
  else if (has('deposited')) stage = 'deposited';
  else if (has('reported')) stage = 'reported';
  else if (has('domestic')) stage = 'domestic';
  else if (has('signed')) stage = 'signed';
  return { stage, items };
}
