/** Runs the project's TypeScript CLIs (db/*-cli.ts) and helper scripts in a child process, as npm would. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TSX_LOADER = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tsx script ...args` with DATABASE_URL set and `stdin` written to it; resolves when it
 * exits. Never blocks the event loop: a blocking spawnSync would stall a test's keep-alive
 * sockets, which the server may then close.
 */
export function runCli(script: string, args: string[], databaseUrl: string, stdin = ''): Promise<CliResult> {
  return new Promise((done, fail) => {
    const child = spawnTsx(script, args, { DATABASE_URL: databaseUrl });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream, so a Thai character split across two chunks stays whole.
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/**
 * Starts a TypeScript script with extra environment variables, in ONE process: node with
 * tsx's loader, not the tsx command, which runs the script in a second process of its own,
 * so that a SIGKILL sent to the child reaches the script itself.
 */
export function spawnTsx(script: string, args: string[], env: Record<string, string> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
}

/** Collects the ids a write-burst child prints; `waitFor(n)` resolves once n are acknowledged. */
export function watchAcknowledged(child: ChildProcessWithoutNullStreams) {
  const ids: number[] = [];
  let partial = '';
  let stderr = '';
  const waiters: { n: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const settle = () => {
    for (const w of [...waiters]) {
      if (ids.length >= w.n) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.trim()) ids.push(Number(line));
    settle();
  });
  child.stderr.on('data', (c) => (stderr += c));
  // 'close' comes after the last of stdout has been read, unlike 'exit'.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('close', (code, signal) => r({ code, signal })));
  exited.then(() => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the writer exited after ${ids.length} writes (wanted ${w.n}): ${stderr}`));
  });
  return {
    ids,
    exited,
    stderr: () => stderr,
    waitFor: (n: number) => new Promise<void>((resolve, reject) => {
      waiters.push({ n, resolve, reject });
      settle();
    }),
  };
}
