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

/** Where digests go: an SMTP server, or the embedded default that writes `.eml` files to a folder. */
export type MailConfig =
  | { transport: 'smtp'; url: string; from: string }
  | { transport: 'outbox'; dir: string; from: string };

/** The sender of messages written to the outbox when MAIL_FROM is unset. */
export const OUTBOX_DEFAULT_FROM = 'Bangkok Joint Statement Monitor <monitor@localhost>';
/** The outbox folder when MAIL_DIR is unset. */
export const DEFAULT_MAIL_DIR = '.data/mail';

const mailSchema = z.object({
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\/[^/\s]/.test(value), { message: 'must start with smtp:// or smtps://, e.g. smtps://user:password@mail.example.org:465' })
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .refine((value) => /^(?:[^<>@\s][^<>@]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(value), { message: 'must be an address such as monitor@example.org or "Monitor <monitor@example.org>"' })
    .optional(),
  MAIL_DIR: z.string().trim().min(1).default(DEFAULT_MAIL_DIR),
});

/**
 * Reads SMTP_URL, MAIL_FROM and MAIL_DIR: SMTP when SMTP_URL is set (MAIL_FROM is required
 * then), else the outbox folder. Throws a ConfigError naming the variable at fault.
 */
export function readMailConfig(env: Record<string, string | undefined> = process.env): MailConfig {
  const parsed = mailSchema.safeParse({
    SMTP_URL: env.SMTP_URL || undefined,
    MAIL_FROM: env.MAIL_FROM || undefined,
    MAIL_DIR: env.MAIL_DIR || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0]);
    // Never echo an SMTP URL back: it may hold a password.
    const shown = name === 'SMTP_URL' ? '' : ` (got "${String(env[name])}")`;
    throw new ConfigError(`${name} ${issue.message}${shown}`);
  }
  const { SMTP_URL: url, MAIL_FROM: from, MAIL_DIR: dir } = parsed.data;
  if (url) {
    if (!from) throw new ConfigError('MAIL_FROM must be set when SMTP_URL is set (the sender of every message, e.g. monitor@example.org)');
    return { transport: 'smtp', url, from };
  }
  return { transport: 'outbox', dir, from: from ?? OUTBOX_DEFAULT_FROM };
}
