/**
 * `npm run db:check [-- --database FILE]`: compares the derived tables (current assessments,
 * party scores, the published count) with a recomputation from the history. Prints `ok` with
 * what it checked, or one line per disagreement and exits 1. Reads only; changes nothing.
 */
import { parseArgs } from 'node:util';
import { checkDerivedData } from '../src/lib/server/derived-data';
import { openDatabase } from './client';
import { readDatabaseConfig } from './config';
import { runReadOnlyCommand } from './read-only-cli';

const { values } = parseArgs({ options: { database: { type: 'string' } }, strict: true });
await runReadOnlyCommand(
  // One connection: the check runs its reads one after another.
  () => openDatabase(values.database ? { url: `file:${values.database}`, embedded: true } : readDatabaseConfig(), { connections: 1 }),
  async (db) => {
    const result = await checkDerivedData(db);
    const { currentAssessments, partiesScored, partiesMissingScores, publishedAssessments } = result.checked;
    const summary = `${publishedAssessments} published assessments, ${currentAssessments} current rows, ${partiesScored} parties' scores (${partiesMissingScores} not cached: scored live)`;
    if (result.ok) {
      console.log(`ok: ${summary}`);
    } else {
      for (const problem of result.problems) console.error(problem);
      console.error(`derived data disagrees with the history (${summary})`);
      process.exitCode = 1;
    }
  },
);
