/**
 * The data checks `npm run data:check` runs on content/. Add a checker to `DATA_CHECKERS` to
 * make the command (and the test that runs it in `npm test`) enforce another rule.
 */
import { checkFacts, runDataCheckers, type DataChecker, type DataViolation } from '../src/domain/data-quality';
import { loadContent } from './content';
import { checkMeasureContent } from '../src/domain/measure-quality';

/** Every checker the command runs, in order. */
export const DATA_CHECKERS: readonly DataChecker[] = [checkFacts, checkMeasureContent];

/** Loads content/ from `dir` (schema and cross-reference errors throw) and runs every checker. */
export function checkContentDir(dir?: string, today: string = new Date().toISOString().slice(0, 10)): DataViolation[] {
  return runDataCheckers(DATA_CHECKERS, loadContent(dir), today);
}
