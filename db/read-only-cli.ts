/**
 * The frame of the read-only database commands (`db:check`, `audit:verify`): open, run, close.
 * A configuration error or a database without the schema is one line on stderr and exit 1,
 * not a stack trace; anything else is a bug and is thrown.
 */
import type { Database } from './client';
import { ConfigError } from './config';

/** Opens the database with `open`, runs `check` on it, and closes it whatever happens. */
export async function runReadOnlyCommand(open: () => Promise<Database>, check: (db: Database) => Promise<void>): Promise<void> {
  try {
    const db = await open();
    try {
      await check(db);
    } finally {
      db.$client.close();
    }
  } catch (error) {
    const missingTable = causes(error).find((cause) => /no such table/.test(cause.message));
    if (missingTable) {
      console.error(`error: ${missingTable.message.split('\n')[0]} (is this the monitor's database? \`npm run db:prepare\` creates it)`);
      process.exit(1);
    }
    if (error instanceof ConfigError) {
      console.error(`error: ${error.message.split('\n')[0]}`);
      process.exit(1);
    }
    throw error;
  }
}

/** The error and the errors it wraps (drizzle wraps the driver's error as `cause`). */
function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let cause = error; cause instanceof Error && chain.length < 5; cause = cause.cause) chain.push(cause);
  return chain;
}
