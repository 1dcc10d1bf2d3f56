/**
 * Changing one's own password: every session of the account ends, and this browser is
 * signed in again with a fresh one.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { setSessionCookie } from '../lib/server/auth/cookie';
import { checkPasswordPolicy } from '../lib/server/auth/password';
import { createSession } from '../lib/server/auth/session';
import { changePassword } from '../lib/server/auth/users';
import { formError } from '../lib/server/form-error';
import { DIGEST_FREQUENCIES, DIGEST_LOCALES } from '../domain/digest';
import { setMailPreference } from '../lib/server/mail/preferences';
import { accountActor, requireActor, runService } from './context';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');

export const account = {
  /** Changes the signed-in user's password, given the current one. */
  changePassword: defineAction({
    accept: 'form',
    input: z.object({ current: text(1024), password: text(1024), confirm: text(1024) }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      if (!form.current) throw formError(400, 'Enter your current password.', 'current');
      const problem = checkPasswordPolicy(form.password, { email: actor.email, name: actor.name });
      if (problem) throw formError(400, problem, 'password');
      if (form.password !== form.confirm) throw formError(400, 'The two new passwords are not the same.', 'confirm');
      const db = context.locals.db;
      await runService(context, () => changePassword(db, actor.id, form.current, form.password, accountActor(actor)), 'current');
      const { token, session } = await createSession(db, actor.id);
      setSessionCookie(context.cookies, token, session.expiresAt, context.url.protocol === 'https:');
      return { changed: true };
    },
  }),
  /** Sets the signed-in user's e-mail digest (none, daily or weekly) and the language of their messages. */
  setDigest: defineAction({
    accept: 'form',
    input: z.object({
      frequency: z.enum(DIGEST_FREQUENCIES, { error: 'Choose how often you want a digest.' }),
      locale: z.enum(DIGEST_LOCALES, { error: 'Choose the language of your messages.' }),
    }),
    handler: async (form, context) => {
      const actor = await requireActor(context);
      const saved = await runService(context, () => setMailPreference(context.locals.db, actor.id, { digestFrequency: form.frequency, locale: form.locale }, accountActor(actor)), 'frequency');
      return { frequency: saved.digestFrequency, locale: saved.locale };
    },
  }),
};
