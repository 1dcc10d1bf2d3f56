/**
 * What every workspace action does first and last: find who is acting (refusing, with an
 * audit row, anyone signed out or not allowed), and turn a service's refusal into an error
 * the page shows beside the field at fault.
 */
import type { ActionAPIContext } from 'astro:actions';
import type { Decision } from '../domain/permissions';
import type { Acting } from '../lib/server/assessments/service';
import { WorkspaceError } from '../lib/server/assessments/service';
import { auditRefusal, clientIp } from '../lib/server/auth/guard';
import { RateLimitedError, UserInputError, type Actor as UserActor } from '../lib/server/auth/users';
import { formError } from '../lib/server/form-error';

/** The signed-in user as the services want them; a signed-out request is audited and refused (401). */
export async function requireActor(context: ActionAPIContext): Promise<Acting> {
  const user = context.locals.user;
  if (!user) {
    await auditRefusal(context, 'signed_out');
    throw formError(401, 'Your session has ended: sign in again.');
  }
  return { id: user.id, roles: user.roles, parties: user.parties, email: user.email, name: user.name, ip: clientIp(context) };
}

/** The same actor in the shape the account services (users, tokens) record. */
export function accountActor(actor: Acting): UserActor {
  return { id: actor.id, label: actor.email, ip: actor.ip ?? null };
}

/** Refuses (audited) when a permission decision says no. */
export async function enforce(context: ActionAPIContext, decision: Decision, details: Record<string, unknown> = {}): Promise<void> {
  if (decision.allowed) return;
  await auditRefusal(context, decision.reason, details);
  throw formError(decision.status, `${decision.reason[0]!.toUpperCase()}${decision.reason.slice(1)}.`, null, { code: decision.code, params: decision.params });
}

/**
 * Runs a service call; its refusals become page errors (a 401 or 403 from the service is
 * audited as a refused authorisation), and its input problems 400s beside their field.
 */
export async function runService<T>(context: ActionAPIContext, fn: () => Promise<T>, defaultField: string | null = null): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof WorkspaceError) {
      if (error.status === 401 || error.status === 403) await auditRefusal(context, error.message);
      const field = error.field ?? (error.status === 400 ? defaultField : null);
      // Service messages start with the field's name ("commitment: …"); beside the field it is redundant.
      const bare = field && error.message.startsWith(`${field}: `) ? error.message.slice(field.length + 2) : error.message;
      const message = error.status === 403 || error.status === 401 ? `${bare[0]!.toUpperCase()}${bare.slice(1)}.` : bare;
      throw formError(error.status, message, field, { details: error.details, code: error.code, params: error.reason?.params });
    }
    if (error instanceof UserInputError) throw formError(400, error.message, defaultField, { code: error.reason?.code, params: error.reason?.params });
    if (error instanceof RateLimitedError) throw formError(429, error.message, defaultField);
    throw error;
  }
}
