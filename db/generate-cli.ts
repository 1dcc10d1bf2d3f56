/**
 * `npm run db:generate -- --out .data/scale.db [--parties 200] [--commitments 400] [--years 10]
 * [--assessments 1000000] [--seed 42] [--end 2026-10-31] [--force]`: writes a separate database
 * file with the real seed plus synthetic scale data for benchmarks (see db/generate/scale-data.ts).
 * It never touches the app's own database and refuses to replace a file without --force.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_END, GenerateError, generateScaleDatabase } from './generate/scale-data';
import { createProgressBar, formatDuration, type ProgressBar } from './generate/progress';

const usage = 'usage: npm run db:generate -- --out FILE [--parties 200] [--commitments 400] [--years 10] [--assessments 1000000] [--seed 42] [--end YYYY-MM-DD] [--force]';

try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      parties: { type: 'string', default: '200' },
      commitments: { type: 'string', default: '400' },
      years: { type: 'string', default: '10' },
      assessments: { type: 'string', default: '1000000' },
      seed: { type: 'string', default: '42' },
      end: { type: 'string', default: DEFAULT_END },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!values.out) throw new GenerateError(`--out is required\n${usage}`);
  let bar: ProgressBar | undefined;
  const report = await generateScaleDatabase({
    out: values.out,
    parties: Number(values.parties),
    commitments: Number(values.commitments),
    years: Number(values.years),
    assessments: Number(values.assessments),
    seed: Number(values.seed),
    end: values.end,
    force: values.force,
    onProgress(done, total) {
      bar ??= createProgressBar('assessments', total);
      bar.update(done);
      if (done === total) bar.finish();
    },
    onStep: (step) => console.log(`${step}…`),
  });
  console.log(
    [
      `wrote ${report.path} in ${formatDuration(report.seconds)}`,
      `  parties ${report.parties} (${report.partiesAdded} added, ${report.activeParties} with synthetic data)`,
      `  instruments ${report.instruments} (${report.instrumentsAdded} added), commitments ${report.commitments} (${report.commitmentsAdded} added)`,
      `  participations added ${report.participationsAdded}`,
      `  assessments added ${report.assessmentsAdded.toLocaleString('en-US')}, evidence added ${report.evidenceAdded.toLocaleString('en-US')}`,
      `  as_of from ${report.windowStart} to ${report.windowEnd}`,
    ].join('\n'),
  );
} catch (error) {
  if (error instanceof GenerateError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
