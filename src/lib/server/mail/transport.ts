/**
 * Sending a message: over SMTP (nodemailer) when SMTP_URL is set, else into the outbox
 * folder as one RFC 822 `.eml` file per message (nodemailer's stream transport builds the
 * same text it would send), so that a fresh install works with no mail server.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailConfig } from '../../../../db/config';

/** One message to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** BCP 47 language of the content (`en`, `th`): the message's Content-Language. */
  language: string;
}

/** What became of a sent message. */
export interface SentMail {
  messageId: string;
  /** The outbox file's name, when written to the outbox. */
  file?: string;
}

export interface Mailer {
  readonly transport: MailConfig['transport'];
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** The name of a new outbox file: sortable by time, unique, and safe in a URL. */
export function outboxFileName(now: Date = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}.eml`;
}

/** A mailer for the configuration: SMTP, or the outbox folder (created when missing). */
export function createMailer(config: MailConfig): Mailer {
  const envelope = (mail: OutgoingMail) => ({
    from: config.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { 'Content-Language': mail.language, 'Auto-Submitted': 'auto-generated' },
  });
  if (config.transport === 'smtp') {
    const transporter = nodemailer.createTransport(config.url);
    return {
      transport: 'smtp',
      async send(mail) {
        const info = await transporter.sendMail(envelope(mail));
        const rejected = (info.rejected ?? []).map(String);
        if (rejected.length) throw new Error(`the SMTP server refused ${rejected.join(', ')}`);
        return { messageId: info.messageId };
      },
      close: () => transporter.close(),
    };
  }
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    transport: 'outbox',
    async send(mail) {
      const info = await transporter.sendMail(envelope(mail));
      await mkdir(config.dir, { recursive: true });
      const file = outboxFileName();
      // Written under a temporary name and renamed, so the outbox never lists half a message.
      const partial = join(config.dir, `.${file}.partial`);
      await writeFile(partial, info.message as Buffer);
      await rename(partial, join(config.dir, file));
      return { messageId: info.messageId, file };
    },
    close: () => transporter.close(),
  };
}
