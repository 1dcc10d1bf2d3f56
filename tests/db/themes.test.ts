/** getThemeCounts (the /themes page) on the seeded database equals a count done by hand from the rows. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { commitments, currentAssessments } from '../../db/schema';
import { seedDatabase } from '../../db/seed';
import { THEMES } from '../../src/domain/vocabulary';
import { getThemeCounts } from '../../src/lib/server/queries/themes';
import { createTempDatabase } from '../helpers/temp-db';

let db: Database;
beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
});

describe('theme counts', () => {
  it('counts commitments, instruments, rated parties and ratings per theme, every theme listed', async () => {
    const [allCommitments, current] = await Promise.all([db.select().from(commitments), db.select().from(currentAssessments)]);
    const themeOf = new Map(allCommitments.map((c) => [c.code, c.theme]));
    const expected = THEMES.map((theme) => {
      const mine = allCommitments.filter((c) => c.theme === theme);
      const rated = current.filter((r) => themeOf.get(r.commitmentCode) === theme && r.status !== 'no_evidence' && r.status !== 'not_applicable');
      return {
        theme,
        commitments: mine.length,
        instruments: new Set(mine.map((c) => c.instrumentSlug)).size,
        partiesRated: new Set(rated.map((r) => r.partySlug)).size,
        ratings: rated.length,
      };
    });
    const counts = await getThemeCounts(db);
    expect(counts).toEqual(expected);
    expect(counts.map((c) => c.theme)).toEqual([...THEMES]);
    // The seed rates many parties: some themes have ratings from several of them.
    expect(counts.some((c) => c.ratings > 0 && c.partiesRated > 1)).toBe(true);
    expect(counts.reduce((sum, c) => sum + c.commitments, 0)).toBe(allCommitments.length);
  });
});
