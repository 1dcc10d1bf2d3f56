/**
 * The outbox of the embedded default (no SMTP configured): the `.eml` files the mailer wrote,
 * listed newest first and read back for the workspace's mail page (administrators only).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** One message in the outbox list. */
export interface OutboxEntry {
  /** The file name (ends in `.eml`); the id in the page's URL. */
  id: string;
  to: string;
  subject: string;
  /** When the file was written (ISO). */
  writtenAt: string;
  bytes: number;
}

/** One message, read back. */
export interface OutboxMessage extends OutboxEntry {
  from: string;
  language: string | null;
  text: string;
  /** The whole file as written (RFC 822). */
  source: string;
}

/** The most messages the list shows. */
export const OUTBOX_LIST_LIMIT = 200;

const ID = /^[0-9A-Za-z][0-9A-Za-z._-]{0,200}\.eml$/;

/** Whether `id` can name an outbox file (no path, no hidden or partial file). */
export function isOutboxId(id: string): boolean {
  return ID.test(id) && !id.includes('..');
}

async function parse(dir: string, id: string) {
  const path = join(dir, id);
  const [raw, info] = await Promise.all([readFile(path), stat(path)]);
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
  const addressText = (value: typeof mail.to) => (Array.isArray(value) ? value.map((v) => v.text).join(', ') : (value?.text ?? ''));
  const language = mail.headers.get('content-language');
  return {
    entry: { id, to: addressText(mail.to), subject: mail.subject ?? '', writtenAt: info.mtime.toISOString(), bytes: info.size },
    from: mail.from?.text ?? '',
    language: typeof language === 'string' ? language : null,
    text: mail.text ?? '',
    source: raw.toString('utf8'),
  };
}

/** The newest messages in the outbox folder, newest first (an absent folder is an empty outbox). */
export async function listOutbox(dir: string, limit = OUTBOX_LIST_LIMIT): Promise<{ entries: OutboxEntry[]; total: number }> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter(isOutboxId);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], total: 0 };
    throw error;
  }
  // File names start with the time they were written, so a reverse sort is newest first.
  names.sort().reverse();
  const entries: OutboxEntry[] = [];
  for (const name of names.slice(0, limit)) entries.push((await parse(dir, name)).entry);
  return { entries, total: names.length };
}

/** One message by its id, or null when there is no such file. */
export async function readOutboxMessage(dir: string, id: string): Promise<OutboxMessage | null> {
  if (!isOutboxId(id)) return null;
  try {
    const { entry, ...rest } = await parse(dir, id);
    return { ...entry, ...rest };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
