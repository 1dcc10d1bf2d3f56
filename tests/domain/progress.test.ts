import { describe, expect, it } from 'vitest';
import { cumulativeProgress } from '../../src/domain/progress';

describe('cumulativeProgress', () => {
  it('counts parties cumulatively, one point per date, undated actions left out', () => {
    const points = cumulativeProgress([
      { partySlug: 'b', action: 'signature', actedOn: '2025-10-26' },
      { partySlug: 'a', action: 'signature', actedOn: '2025-10-25' },
      { partySlug: 'c', action: 'signature', actedOn: '2025-10-25' },
      { partySlug: 'a', action: 'ratification', actedOn: '2026-02-01' },
      { partySlug: 'd', action: 'ratification', actedOn: null },
    ]);
    expect(points).toEqual([
      { date: '2025-10-25', joined: 2, signed: 2, consented: 0 },
      { date: '2025-10-26', joined: 3, signed: 3, consented: 0 },
      { date: '2026-02-01', joined: 3, signed: 3, consented: 1 },
    ]);
  });

  it('is empty with no dated actions', () => {
    expect(cumulativeProgress([{ partySlug: 'a', action: 'partner', actedOn: null }])).toEqual([]);
  });
});
