/**
 * A child process for durability tests: `tsx tests/helpers/write-burst.ts URL COUNT [TAG]`
 * creates COUNT assessments one after another through the real service (each one
 * writeTransaction: the assessment, its evidence and its audit row), and prints each id on
 * its own line only after its transaction has committed. A printed id is an acknowledged
 * write. (Writes to a pipe are synchronous on Linux, so the id leaves before the next write.)
 */
import { openDatabase } from '../../db/client';
import { assessmentInputSchema } from '../../src/domain/assessment-input';
import { createAssessment, type Acting } from '../../src/lib/server/assessments/service';

/** The editor every burst writes as. */
export const BURST_ACTOR: Acting = { id: 'burst-editor', email: 'burst@mfa.go.th', name: 'Burst', roles: ['editor'], parties: ['tha'] };

/** The narrative of the n-th write of a burst tagged `tag`: how a test recognises it. */
export const burstNarrative = (tag: string, n: number) => `Burst ${tag} write number ${n}, recorded for the durability tests.`;
/** The evidence address of the n-th write. */
export const burstUrl = (tag: string, n: number) => `https://www.mfa.go.th/durability/${tag}/${n}`;

async function main() {
  const [url, countArg, tag = 'a'] = process.argv.slice(2);
  const db = await openDatabase({ url: url!, embedded: true });
  for (let n = 0; n < Number(countArg); n++) {
    const input = assessmentInputSchema.parse({
      party: 'THA',
      commitment: 'BJS-1',
      status: n % 2 ? 'limited' : 'substantial',
      assessor: 'self_reported',
      asOf: '2026-01-15',
      narrative: burstNarrative(tag, n),
      evidence: [{ url: burstUrl(tag, n), title: `Evidence ${n}`, publisher: 'Cabinet Secretariat', grade: 'official' }],
    });
    const created = await createAssessment(db, BURST_ACTOR, input);
    process.stdout.write(`${created.id}\n`);
  }
  db.$client.close();
}

if (process.argv[1]?.endsWith('write-burst.ts')) await main();
