import { describe, expect, it } from 'vitest';
import {
  computeEntryIntoForce,
  partyEntryIntoForce,
  type EntryIntoForce,
  type EntryIntoForceRule,
  type TreatyAction,
} from '../../src/domain/entry-into-force';

const rule: EntryIntoForceRule = { threshold: 3, delayDays: 90, laterPartyDelayDays: 30, regionalOrgsCountExtra: false, enteredIntoForceOn: null };

function ratify(partySlug: string, actedOn: string | null, partyKind: TreatyAction['partyKind'] = 'state', action: TreatyAction['action'] = 'ratification'): TreatyAction {
  return { partySlug, partyKind, action, actedOn, depositaryRecorded: true };
}
function withRule(result: ReturnType<typeof computeEntryIntoForce>): EntryIntoForce {
  if (!result.hasRule) throw new Error('expected a rule');
  return result;
}

describe('computeEntryIntoForce', () => {
  it('has nothing to say about an instrument with no rule', () => {
    expect(computeEntryIntoForce(null, [ratify('tha', '2025-01-01')], '2026-01-01')).toEqual({ hasRule: false });
  });

  it('counts consent actions only, and how many are still needed', () => {
    const r = withRule(computeEntryIntoForce(rule, [ratify('tha', '2025-10-25', 'state', 'signature'), ratify('vnm', '2026-01-10'), ratify('qat', '2026-02-01', 'state', 'accession')], '2026-06-01'));
    expect(r.signatories).toBe(1);
    expect(r.counted).toBe(2);
    expect(r.stillNeeded).toBe(1);
    expect(r.status).toBe('pending');
    expect(r.entryIntoForceOn).toBeNull();
  });

  it('projects the date: the 90th day after the threshold-th instrument', () => {
    const r = withRule(computeEntryIntoForce(rule, [ratify('a', '2026-03-01'), ratify('b', '2026-01-01'), ratify('c', '2026-02-01'), ratify('d', '2026-04-01')], '2026-03-15'));
    expect(r.thresholdReachedOn).toBe('2026-03-01');
    expect(r.entryIntoForceOn).toBe('2026-05-30');
    expect(r.projected).toBe(true);
    expect(r.status).toBe('threshold_reached');
    expect(r.stillNeeded).toBe(0);
  });

  it('is in force once the projected date has passed', () => {
    const r = withRule(computeEntryIntoForce(rule, [ratify('a', '2026-01-01'), ratify('b', '2026-01-02'), ratify('c', '2026-01-03')], '2026-04-03'));
    expect(r.entryIntoForceOn).toBe('2026-04-03');
    expect(r.status).toBe('in_force');
  });

  it('does not count a regional organisation on top of its members unless the rule says so', () => {
    const actions = [ratify('a', '2026-01-01'), ratify('b', '2026-01-02'), ratify('eu', '2026-01-03', 'regional_organisation')];
    expect(withRule(computeEntryIntoForce(rule, actions, '2026-06-01')).counted).toBe(2);
    expect(withRule(computeEntryIntoForce({ ...rule, regionalOrgsCountExtra: true }, actions, '2026-06-01')).counted).toBe(3);
  });

  it('counts a party once, from its earliest consent, and ignores future-dated actions', () => {
    const r = withRule(computeEntryIntoForce(rule, [ratify('a', '2026-02-01'), ratify('a', '2026-01-01', 'state', 'acceptance'), ratify('b', '2027-01-01')], '2026-06-01'));
    expect(r.counted).toBe(1);
    expect(r.qualifying).toEqual([{ partySlug: 'a', actedOn: '2026-01-01' }]);
  });

  it('cannot give a date when the deciding instrument is undated', () => {
    const r = withRule(computeEntryIntoForce(rule, [ratify('a', '2026-01-01'), ratify('b', null), ratify('c', null)], '2026-06-01'));
    expect(r.counted).toBe(3);
    expect(r.status).toBe('date_unknown');
    expect(r.entryIntoForceOn).toBeNull();
  });

  it('prefers a known entry-into-force date to a projection', () => {
    const known = { ...rule, enteredIntoForceOn: '2017-03-08' };
    const r = withRule(computeEntryIntoForce(known, [ratify('phl', '2017-02-07')], '2020-01-01'));
    expect(r.entryIntoForceOn).toBe('2017-03-08');
    expect(r.projected).toBe(false);
    expect(r.status).toBe('in_force');
  });
});

describe('partyEntryIntoForce', () => {
  const actions = [ratify('a', '2026-01-01'), ratify('b', '2026-01-02'), ratify('c', '2026-01-03'), ratify('late', '2026-06-01'), ratify('early-late', '2026-02-01'), ratify('undated', null)];
  const r = withRule(computeEntryIntoForce(rule, actions, '2026-12-31'));

  it('gives early parties the general date', () => {
    expect(partyEntryIntoForce(r, rule, 'a', '2026-12-31')).toEqual({ status: 'in_force', date: '2026-04-03' });
  });
  it('gives a later party its own deposit plus the later-party delay', () => {
    expect(partyEntryIntoForce(r, rule, 'late', '2026-12-31')).toEqual({ status: 'in_force', date: '2026-07-01' });
    expect(partyEntryIntoForce(r, rule, 'late', '2026-06-15')).toEqual({ status: 'pending', date: '2026-07-01' });
  });
  it('never gives a date before the general one', () => {
    expect(partyEntryIntoForce(r, rule, 'early-late', '2026-12-31').date).toBe('2026-04-03');
  });
  it('is in force without a date for a party whose deposit date is unknown', () => {
    expect(partyEntryIntoForce(r, rule, 'undated', '2026-12-31')).toEqual({ status: 'in_force', date: null });
  });
  it('is not bound without consent, and pending before the instrument is in force', () => {
    expect(partyEntryIntoForce(r, rule, 'nobody', '2026-12-31')).toEqual({ status: 'not_bound', date: null });
    const early = withRule(computeEntryIntoForce(rule, actions.slice(0, 2), '2026-12-31'));
    expect(partyEntryIntoForce(early, rule, 'a', '2026-12-31')).toEqual({ status: 'pending', date: null });
  });
});

describe('deposits the depositary records', () => {
  const uncc: EntryIntoForceRule = { threshold: 40, delayDays: 90, laterPartyDelayDays: 30, regionalOrgsCountExtra: false, enteredIntoForceOn: null };

  it('lists a reported ratification apart and never counts it', () => {
    const reported = { ...ratify('qat', null), depositaryRecorded: false };
    const r = withRule(computeEntryIntoForce(uncc, [ratify('qat', '2025-10-25', 'state', 'signature'), reported, ratify('vnm', '2026-03-01')], '2026-06-01'));
    expect(r.counted).toBe(1);
    expect(r.qualifying.map((q) => q.partySlug)).toEqual(['vnm']);
    expect(r.reportedNotDeposited).toEqual([{ partySlug: 'qat', action: 'ratification', actedOn: null }]);
  });

  it('does not list a party as reported once the depositary records its deposit', () => {
    const r = withRule(computeEntryIntoForce(uncc, [{ ...ratify('aze', null), depositaryRecorded: false }, ratify('aze', '2026-04-01')], '2026-06-01'));
    expect(r.counted).toBe(1);
    expect(r.reportedNotDeposited).toEqual([]);
  });

  it('does not count the EU on top of its members, even when the depositary records it', () => {
    const actions = [ratify('fra', '2026-01-01'), ratify('esp', '2026-01-02'), ratify('eu', '2026-01-03', 'regional_organisation', 'approval')];
    const r = withRule(computeEntryIntoForce(uncc, actions, '2026-06-01'));
    expect(r.counted).toBe(2);
    expect(r.qualifying.map((q) => q.partySlug)).not.toContain('eu');
    expect(r.reportedNotDeposited).toEqual([]);
  });
});
