/** Runs one of the project's tsx command-line scripts without blocking the test's event loop. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `tsx <script> …args` with `stdin` written to it. Asynchronous on purpose: a blocking
 * spawnSync stalls the test's keep-alive sockets, which the server may close meanwhile.
 */
export function runCli(script: string, args: readonly string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [TSX, script, ...args], { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
