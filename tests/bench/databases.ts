/** The benchmark databases: one world (parties, instruments, participations) at three sizes of history, cached under .data/. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createProgressBar, type ProgressBar } from '../../db/generate/progress';
import { generateScaleDatabase } from '../../db/generate/scale-data';

/** The shape every benchmark database shares; only the number of assessments differs. */
export const SCALE_WORLD = { parties: 200, commitments: 400, years: 10, seed: 42 } as const;

export interface ScaleDatabase {
  label: string;
  assessments: number;
  path: string;
}

/** 10k, 100k and 1M assessments; the largest is the one the HTTP benchmark serves. */
export const SCALE_DATABASES: ScaleDatabase[] = [
  { label: '10k', assessments: 10_000, path: resolve('.data/scale-10k.db') },
  { label: '100k', assessments: 100_000, path: resolve('.data/scale-100k.db') },
  { label: '1M', assessments: 1_000_000, path: resolve('.data/scale.db') },
];

/** Generates the databases that are missing; existing files are reused as they are. */
export async function ensureScaleDatabases(log: (line: string) => void): Promise<void> {
  for (const database of SCALE_DATABASES) {
    if (existsSync(database.path)) continue;
    log(`generating ${database.path} (${database.assessments.toLocaleString('en-US')} assessments)`);
    let bar: ProgressBar | undefined;
    await generateScaleDatabase({
      ...SCALE_WORLD,
      assessments: database.assessments,
      out: database.path,
      onProgress(done, total) {
        bar ??= createProgressBar(`  ${database.label}`, total);
        bar.update(done);
        if (done === total) bar.finish();
      },
    });
  }
}
