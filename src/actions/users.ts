/**
 * The administrator's actions on accounts: create (with a first password that meets the
 * policy), change roles and party scope, disable and enable, reset a password. Every change
 * is audited by the account services; an administrator cannot lock themselves out.
 */
import { defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import { canManageUsers } from '../domain/permissions';
import { ROLES } from '../domain/vocabulary';
import { normaliseEmail } from '../lib/server/auth/auth-user';
import { checkPasswordPolicy } from '../lib/server/auth/password';
import { createUser, disableUser, enableUser, resetPassword, updateUserAccess, UserInputError } from '../lib/server/auth/users';
import { formError } from '../lib/server/form-error';
import { accountActor, enforce, requireActor, runService } from './context';

const text = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => value ?? '');
const roleList = z.array(z.string().max(20)).max(ROLES.length * 2);

/** Party codes typed as a list: "THA, npl asean". */
export function splitCodes(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The form field a user-service message is about. */
function fieldOf(message: string): string {
  const lower = message.toLowerCase();
  if (lower.includes('password')) return 'password';
  if (lower.includes('e-mail')) return 'email';
  if (lower.includes('role')) return 'roles';
  if (lower.includes('party')) return 'parties';
  return 'name';
}

async function requireAdmin(context: ActionAPIContext) {
  const actor = await requireActor(context);
  await enforce(context, canManageUsers(actor));
  return actor;
}

function checkRoles(roles: string[]): void {
  if (roles.length === 0) throw formError(400, 'Choose at least one role.', 'roles');
  const bad = roles.find((role) => !(ROLES as readonly string[]).includes(role));
  if (bad) throw formError(400, `Unknown role "${bad}".`, 'roles', { code: 'users.unknownRole', params: { role: bad } });
}

export const users = {
  /** Creates an account. */
  create: defineAction({
    accept: 'form',
    input: z.object({ name: text(200), email: text(320), roles: roleList, parties: text(2000), password: text(1024) }),
    handler: async (form, context) => {
      const actor = await requireAdmin(context);
      if (!form.name.trim()) throw formError(400, 'Enter the person’s name.', 'name');
      checkRoles(form.roles);
      const problem = checkPasswordPolicy(form.password, { email: form.email, name: form.name });
      if (problem) throw formError(400, problem, 'password');
      try {
        const created = await createUser(context.locals.db, { ...form, parties: splitCodes(form.parties) }, accountActor(actor));
        return { id: created.id, email: created.email };
      } catch (error) {
        if (error instanceof UserInputError) throw formError(400, error.message, fieldOf(error.message), { code: error.reason?.code, params: error.reason?.params });
        throw error;
      }
    },
  }),

  /** Replaces a user's roles and party scope. */
  setAccess: defineAction({
    accept: 'form',
    input: z.object({ email: text(320), roles: roleList, parties: text(2000) }),
    handler: async (form, context) => {
      const actor = await requireAdmin(context);
      checkRoles(form.roles);
      if (normaliseEmail(form.email) === actor.email && !form.roles.includes('admin')) {
        throw formError(400, 'You cannot remove your own admin role: ask another administrator.', 'roles');
      }
      const updated = await runService(context, () => updateUserAccess(context.locals.db, form.email, { roles: form.roles, parties: splitCodes(form.parties) }, accountActor(actor)), 'parties');
      return { email: updated.email };
    },
  }),

  /** Disables an account (ends its sessions; its API tokens stop working) or enables it again. */
  setDisabled: defineAction({
    accept: 'form',
    input: z.object({ email: text(320), disabled: z.enum(['true', 'false']) }),
    handler: async (form, context) => {
      const actor = await requireAdmin(context);
      if (form.disabled === 'true' && normaliseEmail(form.email) === actor.email) throw formError(400, 'You cannot disable your own account.', 'email');
      const db = context.locals.db;
      const user = await runService(context, () => (form.disabled === 'true' ? disableUser(db, form.email, accountActor(actor)) : enableUser(db, form.email, accountActor(actor))), 'email');
      return { email: user.email, disabled: user.disabled };
    },
  }),

  /** Sets a new password for someone (and ends their sessions). */
  resetPassword: defineAction({
    accept: 'form',
    input: z.object({ email: text(320), password: text(1024) }),
    handler: async (form, context) => {
      const actor = await requireAdmin(context);
      const result = await runService(context, () => resetPassword(context.locals.db, form.email, form.password, accountActor(actor)), 'password');
      return { email: result.user.email };
    },
  }),
};
