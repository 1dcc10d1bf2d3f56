/**
 * `npm run db:prepare`: creates, migrates and seeds the configured database, then exits.
 * A configuration or connection problem is printed as one line naming the variable.
 */
import { ConfigError } from './config';
import { ContentError } from './content';
import { prepareDatabase } from './setup';

try {
  // One connection: migrations and the seed run one statement after another.
  const db = await prepareDatabase(undefined, true, { connections: 1 });
  db.$client.close();
  console.log('database ready');
} catch (error) {
  if (error instanceof ConfigError || error instanceof ContentError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
