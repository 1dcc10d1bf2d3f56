/**
 * Database settings, read once from the environment and checked. With nothing set the app
 * uses an embedded libSQL file under `.data/` (git-ignored).
 */
import { z } from 'zod';

const DEFAULT_URL = 'file:.data/monitor.db';

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default(DEFAULT_URL)
    .refine((value) => /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)./.test(value), {
      message: 'must start with file:, libsql://, http(s):// or ws(s)://',
    }),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
});

export interface DatabaseConfig {
  url: string;
  authToken?: string;
  /** True when the database is a local file (PRAGMAs apply, the folder must exist). */
  embedded: boolean;
  /**
   * How long one statement of an embedded database waits inside SQLite for another
   * process's lock before failing with SQLITE_BUSY (default 5000 ms). The wait blocks the
   * thread, so the server uses a short one and retries asynchronously (writeTransaction).
   */
  busyTimeoutMs?: number;
}

/** An error whose message is meant to be shown to the operator as one line. */
export class ConfigError extends Error {}

/** Reads DATABASE_URL and DATABASE_AUTH_TOKEN; throws a ConfigError naming the variable at fault. */
export function readDatabaseConfig(env: Record<string, string | undefined> = process.env): DatabaseConfig {
  const parsed = schema.safeParse({
    DATABASE_URL: env.DATABASE_URL || undefined,
    DATABASE_AUTH_TOKEN: env.DATABASE_AUTH_TOKEN || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])} ${issue.message} (got "${String(env[String(issue.path[0])])}")`);
  }
  const { DATABASE_URL: url, DATABASE_AUTH_TOKEN: authToken } = parsed.data;
  return { url, authToken, embedded: url.startsWith('file:') };
}
