/**
 * `npm run data:check [-- --content DIR]`: checks every fact row under content/ (see
 * src/domain/data-quality.ts). Prints `ok` with the number of checkers, or one line per
 * violation (`file: row: field: message`) and exits 1. Reads files only.
 */
import { parseArgs } from 'node:util';
import { formatViolation } from '../src/domain/data-quality';
import { ContentError } from './content';
import { checkContentDir, DATA_CHECKERS } from './data-check';

const { values } = parseArgs({ options: { content: { type: 'string' } }, strict: true });
try {
  const violations = checkContentDir(values.content);
  if (violations.length === 0) {
    console.log(`ok: content/ passes ${DATA_CHECKERS.length} data check(s)`);
  } else {
    for (const v of violations) console.error(formatViolation(v));
    console.error(`${violations.length} violation(s)`);
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
