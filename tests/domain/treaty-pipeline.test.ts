import { describe, expect, it } from 'vitest';
import { computeEntryIntoForce, partyEntryIntoForce, type EntryIntoForceRule } from '../../src/domain/entry-into-force';
import { isDepositarySource } from '../../src/domain/data-quality';
import { buildPipeline } from '../../src/domain/treaty-pipeline';

const UNTC = 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml';
const NEWS = 'https://www.trend.az/azerbaijan/politics/4151684.html';
const hosts = ['treaties.un.org'];
const rule: EntryIntoForceRule = { threshold: 40, delayDays: 90, laterPartyDelayDays: 30, regionalOrgsCountExtra: false, enteredIntoForceOn: null };

describe('buildPipeline', () => {
  const signature = { action: 'signature' as const, actedOn: '2025-10-25', sourceUrl: UNTC };
  const steps = [
    { step: 'law_signed' as const, takenOn: '2026-02-23' },
    { step: 'parliament_approved' as const, takenOn: '2026-02-10' },
  ];

  it('puts domestic steps between signature and deposit, and they never count towards entry into force', () => {
    const actions = [signature];
    const eif = computeEntryIntoForce(rule, actions.map((a) => ({ partySlug: 'aze', partyKind: 'state' as const, action: a.action, actedOn: a.actedOn, depositaryRecorded: isDepositarySource(a.sourceUrl, hosts) })), '2026-12-01');
    if (!eif.hasRule) throw new Error('rule expected');
    expect(eif.counted).toBe(0);
    expect(eif.signatories).toBe(1);
    const p = buildPipeline(actions, steps, hosts, partyEntryIntoForce(eif, rule, 'aze', '2026-12-01'));
    expect(p.stage).toBe('domestic');
    expect(p.items.map((i) => i.kind)).toEqual(['signed', 'domestic', 'domestic']);
    expect(p.items.flatMap((i) => (i.kind === 'domestic' ? [i.row.step] : []))).toEqual(['parliament_approved', 'law_signed']);
  });

  it('shows a ratification sourced to a news report as reported, not deposited', () => {
    const p = buildPipeline([signature, { action: 'ratification' as const, actedOn: null, sourceUrl: NEWS }], steps, hosts, null);
    expect(p.stage).toBe('reported');
    expect(p.items.at(-1)!.kind).toBe('reported');
  });

  it('reaches deposited and in force only with the depositary record', () => {
    const deposit = { action: 'ratification' as const, actedOn: '2026-03-01', sourceUrl: UNTC };
    const p = buildPipeline([deposit, signature], steps, hosts, { status: 'in_force', date: '2026-06-01' });
    expect(p.items.map((i) => i.kind)).toEqual(['signed', 'domestic', 'domestic', 'deposited', 'in_force']);
    expect(p.stage).toBe('in_force');
    expect(buildPipeline([deposit], [], hosts, { status: 'pending', date: null }).stage).toBe('deposited');
  });

  it('treats a depositary home page as no record', () => {
    expect(isDepositarySource('https://treaties.un.org/', hosts)).toBe(false);
    expect(isDepositarySource(UNTC, hosts)).toBe(true);
    expect(isDepositarySource('https://treaties.un.org.example.com/x', hosts)).toBe(false);
    expect(isDepositarySource(UNTC, [])).toBe(false);
  });
});
