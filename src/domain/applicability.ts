/**
 * Which commitments bind which kind of party. A commitment is for states only (criminalise,
 * name a lead agency, protect victims), for companies and platforms only, or for every party
 * (`all`). A company partner such as TikTok is scored only on what applies to companies: a
 * state-only commitment is not applicable to it and never counts in its score.
 */
import type { PartyKind, PartyKindScope } from './vocabulary';

/** Whether a commitment for `scope` binds a party of `kind`. */
export function appliesToPartyKind(scope: PartyKindScope, kind: PartyKind): boolean {
  if (scope === 'all') return true;
  if (scope === 'states') return kind === 'state';
  return kind === 'company';
}

/** The commitments (with their scope) that bind a party of `kind`. */
export function commitmentsForPartyKind<T extends { partyKinds: PartyKindScope }>(commitments: readonly T[], kind: PartyKind): T[] {
  return commitments.filter((c) => appliesToPartyKind(c.partyKinds, kind));
}
