/**
 * Entry into force of a treaty from its parties' actions and its rule.
 *
 * A rule says: the instrument enters into force `delayDays` after the deposit of the
 * `threshold`-th instrument of consent (ratification, acceptance, approval or accession).
 * Where `regionalOrgsCountExtra` is false (the UN Convention against Cybercrime, art. 65),
 * a regional economic integration organisation's instrument is not counted on top of its
 * member states'. For a party that consents after the threshold is reached, the instrument
 * enters into force for it `laterPartyDelayDays` after its own deposit.
 *
 * Only deposits the depositary records count: a consent action whose source is not the
 * depositary's record (a news report of a ratification, say) is listed as reported, never
 * counted. Domestic steps (a parliament's approval, a law signed) are not treaty actions and
 * cannot be passed in at all.
 */
import { addDays } from './dates';
import type { ParticipationAction, PartyKind } from './vocabulary';
import { CONSENT_ACTIONS } from './vocabulary';

export interface EntryIntoForceRule {
  threshold: number;
  delayDays: number;
  laterPartyDelayDays: number | null;
  regionalOrgsCountExtra: boolean;
  /** Set when the date is known from the depositary; it wins over any projection. */
  enteredIntoForceOn: string | null;
}

export interface TreatyAction {
  partySlug: string;
  partyKind: PartyKind;
  action: ParticipationAction;
  actedOn: string | null;
  /** True when the row's source is the depositary's record (its status page or a notification). */
  depositaryRecorded: boolean;
}

/** A consent action reported by someone other than the depositary: shown, never counted. */
export interface ReportedConsent {
  partySlug: string;
  action: ParticipationAction;
  actedOn: string | null;
}

export type EntryIntoForceStatus =
  /** Threshold not reached yet. */
  | 'pending'
  /** Threshold reached; the date it takes effect is still ahead of `today`. */
  | 'threshold_reached'
  | 'in_force'
  /** Threshold counted as reached but an instrument's date is unknown, so no date can be given. */
  | 'date_unknown';

export interface EntryIntoForce {
  hasRule: true;
  threshold: number;
  /** Parties whose consent counts, earliest deposit first (undated ones last). */
  qualifying: { partySlug: string; actedOn: string | null }[];
  /** Consent actions reported but not recorded by the depositary (not counted), by party. */
  reportedNotDeposited: ReportedConsent[];
  signatories: number;
  counted: number;
  stillNeeded: number;
  /** The date the threshold-th instrument was deposited, when known. */
  thresholdReachedOn: string | null;
  /** The date of entry into force: the known one, or the one projected from the rule. */
  entryIntoForceOn: string | null;
  projected: boolean;
  status: EntryIntoForceStatus;
}

/** Works out where an instrument stands on `today`; `{ hasRule: false }` for an instrument without a rule. */
export function computeEntryIntoForce(
  rule: EntryIntoForceRule | null,
  actions: readonly TreatyAction[],
  today: string,
): EntryIntoForce | { hasRule: false } {
  if (!rule) return { hasRule: false };
  const counts = (a: TreatyAction) => rule.regionalOrgsCountExtra || a.partyKind !== 'regional_organisation';

  const earliestConsent = new Map<string, string | null>();
  const signed = new Set<string>();
  const reported: ReportedConsent[] = [];
  for (const a of actions) {
    if (a.action === 'signature') signed.add(a.partySlug);
    if (!CONSENT_ACTIONS.includes(a.action)) continue;
    if (!a.depositaryRecorded) {
      reported.push({ partySlug: a.partySlug, action: a.action, actedOn: a.actedOn });
      continue;
    }
    if (!counts(a)) continue;
    if (a.actedOn !== null && a.actedOn > today) continue;
    const held = earliestConsent.get(a.partySlug);
    if (held === undefined || (a.actedOn !== null && (held === null || a.actedOn < held))) {
      earliestConsent.set(a.partySlug, a.actedOn);
    }
  }
  const qualifying = [...earliestConsent]
    .map(([partySlug, actedOn]) => ({ partySlug, actedOn }))
    .sort((x, y) => compareDates(x.actedOn, y.actedOn) || x.partySlug.localeCompare(y.partySlug));

  const counted = qualifying.length;
  const stillNeeded = Math.max(0, rule.threshold - counted);
  const reached = counted >= rule.threshold;
  const thresholdReachedOn = reached ? qualifying[rule.threshold - 1]!.actedOn : null;

  let entryIntoForceOn: string | null = rule.enteredIntoForceOn;
  let projected = false;
  if (!entryIntoForceOn && thresholdReachedOn) {
    entryIntoForceOn = addDays(thresholdReachedOn, rule.delayDays);
    projected = true;
  }

  let status: EntryIntoForceStatus;
  if (entryIntoForceOn) status = entryIntoForceOn <= today ? 'in_force' : 'threshold_reached';
  else status = reached ? 'date_unknown' : 'pending';

  return {
    hasRule: true,
    threshold: rule.threshold,
    qualifying,
    reportedNotDeposited: reported
      .filter((r) => !earliestConsent.has(r.partySlug))
      .sort((x, y) => compareDates(x.actedOn, y.actedOn) || x.partySlug.localeCompare(y.partySlug)),
    signatories: signed.size,
    counted,
    stillNeeded,
    thresholdReachedOn,
    entryIntoForceOn,
    projected,
    status,
  };
}

/** Where an instrument stands for one party. */
export interface PartyEntryIntoForce {
  /** `in_force`: in force for the party on `today`; `pending`: consented, not yet in force; `not_bound`: no consent to be bound. */
  status: 'in_force' | 'pending' | 'not_bound';
  /** The date it took (or takes) effect for the party; null when a date it depends on is unknown. */
  date: string | null;
}

/**
 * When the instrument takes effect for one party: the general date for those whose consent
 * came before the threshold was reached, otherwise their own deposit plus the later-party
 * delay. A party whose deposit date is unknown is in force once the instrument is, with no date.
 */
export function partyEntryIntoForce(result: EntryIntoForce, rule: EntryIntoForceRule, partySlug: string, today: string): PartyEntryIntoForce {
  const own = result.qualifying.find((q) => q.partySlug === partySlug);
  if (!own) return { status: 'not_bound', date: null };
  if (!result.entryIntoForceOn) return { status: 'pending', date: null };
  let date: string | null;
  if (own.actedOn === null) date = null;
  else if (result.thresholdReachedOn === null || own.actedOn <= result.thresholdReachedOn) date = result.entryIntoForceOn;
  else {
    const ownDate = addDays(own.actedOn, rule.laterPartyDelayDays ?? rule.delayDays);
    date = ownDate > result.entryIntoForceOn ? ownDate : result.entryIntoForceOn;
  }
  if (date === null) return { status: result.entryIntoForceOn <= today ? 'in_force' : 'pending', date: null };
  return { status: date <= today ? 'in_force' : 'pending', date };
}

/** Orders dates ascending with unknown dates last. */
function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
