/**
 * Which file db:backup and db:restore work on, and their error type: kept apart from
 * db/backup.ts so that the CLIs can answer a remote DATABASE_URL without loading the rest.
 */
import { resolve } from 'node:path';
import type { DatabaseConfig } from './config';

/** A backup or restore that cannot go ahead; `exitCode` 2 means "not for this kind of database". */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

/** The one line a remote database gets instead of a pretend backup. */
export const REMOTE_DATABASE_MESSAGE =
  'DATABASE_URL points at a remote libSQL server: back it up and restore it with the server’s own tools (Turso keeps point-in-time backups: `turso db create NEW --from-db NAME --timestamp …`); db:backup and db:restore handle only the embedded file (file:…).';

/** The file behind an embedded database URL; a BackupError (exit 2) for a remote one. */
export function databaseFilePath(config: DatabaseConfig): string {
  if (!config.embedded) throw new BackupError(REMOTE_DATABASE_MESSAGE, 2);
  let path = config.url.replace(/^file:/, '').split('?')[0]!;
  if (path.startsWith('//')) path = path.replace(/^\/\/[^/]*/, '');
  if (!path || path === ':memory:') throw new BackupError('DATABASE_URL names an in-memory database: there is no file to back up or restore.', 2);
  return resolve(path);
}
