/** Runs once before all test files: a clean scratch folder for temp databases. */
import { mkdirSync, rmSync } from 'node:fs';
import { TMP_DIR } from './paths';

export default function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
}
