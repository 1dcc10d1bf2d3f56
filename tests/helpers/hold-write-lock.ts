/**
 * A child process for lock tests: `tsx tests/helpers/hold-write-lock.ts URL` takes the
 * database's write lock (BEGIN IMMEDIATE on its own connection), prints `held`, and keeps it
 * until a line arrives on standard input (or stdin closes); then rolls back and exits.
 */
import { createClient } from '@libsql/client';

const client = createClient({ url: process.argv[2]! });
const tx = await client.transaction('write');
process.stdout.write('held\n');
process.stdin.once('data', release);
process.stdin.once('end', release);

async function release() {
  await tx.rollback();
  client.close();
  process.exit(0);
}
