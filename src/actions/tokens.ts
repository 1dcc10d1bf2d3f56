/**
 * Personal API tokens for programs: create (the token is shown once, in the answer to the
 * form that created it, and stored only hashed) and revoke one's own.
 */
import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { createApiToken, DEFAULT_TOKEN_DAYS, getApiToken, listApiTokens, MAX_TOKEN_DAYS, revokeApiToken } from '../lib/server/auth/api-tokens';
import { auditRefusal } from '../lib/server/auth/guard';
import { formError } from '../lib/server/form-error';
import { accountActor, requireActor, runService } from './context';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');

export const tokens = {
  /** Creates a personal API token; the answer carries the token, which is never shown again. */
  create: defineAction({
    accept: 'form',
    input: z.object({ name: text(200), expiresInDays: text(10) }),
    handler: async ({ name, expiresInDays }, context) => {
      const actor = await requireActor(context);
      const days = expiresInDays.trim() === '' ? DEFAULT_TOKEN_DAYS : Number(expiresInDays);
      if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) throw formError(400, `Choose from 1 to ${MAX_TOKEN_DAYS} days.`, 'expiresInDays', { code: 'token.chooseDays', params: { max: MAX_TOKEN_DAYS } });
      const created = await runService(context, () => createApiToken(context.locals.db, actor.id, name, accountActor(actor), { expiresInDays: days }), 'name');
      return { id: created.id, name: name.trim(), token: created.token, expiresAt: created.expiresAt };
    },
  }),

  /** Revokes one of the user's own tokens; an admin may revoke anyone's. */
  revoke: defineAction({
    accept: 'form',
    input: z.object({ id: text(100) }),
    handler: async ({ id }, context) => {
      const actor = await requireActor(context);
      const db = context.locals.db;
      const mine = (await listApiTokens(db, actor.id)).find((token) => token.id === id) ?? (actor.roles.includes('admin') ? await getApiToken(db, id) : null);
      if (!mine) {
        // Someone else's token (or none): refused like any other authorisation, and audited.
        await auditRefusal(context, 'not_own_token', { tokenId: id });
        throw formError(404, 'There is no such token among yours.', 'id', { code: 'token.unknown' });
      }
      await revokeApiToken(db, id, accountActor(actor));
      return { id, name: mine.name };
    },
  }),
};
