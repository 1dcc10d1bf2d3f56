/** A content folder for measure tests: the real content/ plus the fixtures in tests/fixtures/measures-content. */
import { cpSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TMP_DIR } from './paths';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/measures-content');

/** Copies content/ and the measure fixtures into a fresh folder under tests/.tmp; returns its path. */
export function createFixtureContentDir(): string {
  const dir = mkdtempSync(join(TMP_DIR, 'content-'));
  cpSync(resolve(process.cwd(), 'content'), dir, { recursive: true });
  for (const sub of ['measures', 'assessments', 'research']) {
    // Named fixture-*.yaml: they add to whatever research files content/ holds, never replace one.
    cpSync(join(FIXTURES, sub), join(dir, sub), { recursive: true, force: true });
  }
  return dir;
}
