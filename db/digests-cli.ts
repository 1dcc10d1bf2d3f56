/**
 * `npm run digests`: sends the e-mail digests due today (daily ones every day, weekly ones
 * once per ISO week), once per user and period; meant to run from cron or a systemd timer.
 * Over SMTP when SMTP_URL is set, else into the outbox folder (MAIL_DIR, `.data/mail`).
 *
 *   npm run digests                          every digest due today
 *   npm run digests -- --frequency daily     only the daily ones (or weekly)
 *   npm run digests -- --user E --dry-run    what E would get, sent and recorded nowhere
 *
 * Prints one line per user; exits 1 when a send failed (the next run tries it again).
 */
import { parseArgs } from 'node:util';
import { isIsoDate, todayIso } from '../src/domain/dates';
import { runDigests, UnknownRecipientError, type DigestOutcome } from '../src/lib/server/mail/digests';
import { createMailer } from '../src/lib/server/mail/transport';
import { configuredPublicOrigin, publicOrigin } from '../src/lib/server/public-origin';
import { openDatabase } from './client';
import { ConfigError, readDatabaseConfig, readMailConfig } from './config';
import { migrateDatabase } from './migrate';

/** A wrong option: printed with the usage. */
class UsageError extends Error {}

const USAGE = `usage: npm run digests -- [--frequency daily|weekly] [--user EMAIL] [--dry-run] [--date YYYY-MM-DD]
  --frequency  only users who chose this digest (default: both; weekly ones go out once per ISO week)
  --user       only this account
  --dry-run    compose and list, but send and record nothing
  --date       the day (UTC) to send for; default today`;

const describe = (o: DigestOutcome): string => {
  const who = `${o.email} (${o.frequency}${o.period ? ` ${o.period}` : ''})`;
  switch (o.result) {
    case 'sent':
      return `sent     ${who}: ${o.subject}${o.file ? ` -> ${o.file}` : ''}`;
    case 'would_send':
      return `would send ${who}: ${o.subject}`;
    case 'already_sent':
      return `skipped  ${who}: already sent for this period`;
    case 'nothing_to_do':
      return `skipped  ${who}: nothing to do, no message`;
    case 'not_due':
      return `skipped  ${who}: no digest due`;
    case 'failed':
      return `FAILED   ${who}: ${o.error}`;
  }
};

try {
  const { values } = parseArgs({
    options: {
      frequency: { type: 'string' },
      user: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      date: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.frequency !== undefined && values.frequency !== 'daily' && values.frequency !== 'weekly') throw new UsageError('--frequency must be daily or weekly');
  if (values.date !== undefined && !isIsoDate(values.date)) throw new UsageError('--date must be a date such as 2026-01-31');
  const mailConfig = readMailConfig();
  const origin = configuredPublicOrigin() ?? publicOrigin(new URL('http://localhost/'));
  // One connection: digests are read, claimed and sent one user at a time.
  const db = await openDatabase(readDatabaseConfig(), { connections: 1 });
  await migrateDatabase(db);
  const mailer = createMailer(mailConfig);
  try {
    const outcomes = await runDigests(db, mailer, {
      today: values.date ?? todayIso(),
      origin,
      frequency: values.frequency as 'daily' | 'weekly' | undefined,
      userEmail: values.user,
      dryRun: values['dry-run'],
    });
    for (const outcome of outcomes) console.log(describe(outcome));
    const count = (result: DigestOutcome['result']) => outcomes.filter((o) => o.result === result).length;
    const where = mailConfig.transport === 'smtp' ? 'over SMTP' : `to the outbox ${mailConfig.dir}`;
    console.log(values['dry-run'] ? `dry run: ${count('would_send')} would be sent ${where}` : `${count('sent')} sent ${where}, ${count('failed')} failed`);
    if (count('failed') > 0) process.exitCode = 1;
  } finally {
    mailer.close();
    db.$client.close();
  }
} catch (error) {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    console.error(`error: ${error.message}\n${USAGE}`);
    process.exit(1);
  }
  if (error instanceof ConfigError || error instanceof UnknownRecipientError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

