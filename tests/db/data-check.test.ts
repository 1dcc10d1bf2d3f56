import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContentDir } from '../../db/data-check';
import { runCli } from '../helpers/cli';

/** content/ copied to a temp folder, so that a test can break one row. */
const scratch = mkdtempSync(join(tmpdir(), 'data-check-'));
cpSync(resolve('content'), scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run data:check', () => {
  it('passes on the real content/', async () => {
    expect(checkContentDir(resolve('content'))).toEqual([]);
    const result = await runCli('db/data-check-cli.ts', [], 'file::memory:');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^ok: content\/ passes \d+ data check/);
  });

  it('fails, naming the row, on a confirmed row whose source is a home page', async () => {
    const file = join(scratch, 'domestic-steps.yaml');
    const text = readFileSync(file, 'utf8');
    const broken = text.replace('url: https://www.trend.az/azerbaijan/politics/4156573.html', 'url: https://www.trend.az/');
    expect(broken).not.toBe(text);
    writeFileSync(file, broken);
    expect(checkContentDir(scratch)).toEqual([
      expect.objectContaining({ file: 'domestic-steps.yaml', row: 'steps[aze un-convention-against-cybercrime law_signed]', field: 'source.url' }),
    ]);
    const result = await runCli('db/data-check-cli.ts', ['--content', scratch], 'file::memory:');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('domestic-steps.yaml: steps[aze un-convention-against-cybercrime law_signed]: source.url: a home page (https://www.trend.az/)');
    expect(result.stderr).toContain('1 violation(s)');
  });
});
