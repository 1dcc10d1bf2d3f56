/**
 * Who may do what in the staff workspace. Pure decisions; the server turns a refusal into
 * 401 (signed out) or 403 (signed in, not allowed) and audits it.
 *
 *  - admin: manages users and their party scopes.
 *  - reviewer: publishes or returns submitted assessments of any party, never their own.
 *  - editor: creates and edits drafts for the parties in their scope only, and submits them.
 *  - viewer: reads the workspace, submitted-but-unpublished assessments included.
 */
import type { Role } from './vocabulary';

/** A signed-in person, reduced to what permissions need. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** Party slugs (lower case) an editor may write for. */
  parties: readonly string[];
}

export type Decision = { allowed: true } | { allowed: false; status: 401 | 403; reason: string };

const allow: Decision = { allowed: true };
const deny = (status: 401 | 403, reason: string): Decision => ({ allowed: false, status, reason });

/** May read the workspace (any staff role). */
export function canReadWorkspace(actor: Actor | null): Decision {
  if (!actor) return deny(401, 'sign in first');
  return actor.roles.length > 0 ? allow : deny(403, 'no workspace role');
}

/** May create or edit assessments, evidence and indicator values for this party. */
export function canEditParty(actor: Actor | null, partySlug: string): Decision {
  if (!actor) return deny(401, 'sign in first');
  if (!actor.roles.includes('editor')) return deny(403, 'only editors write assessments');
  if (!actor.parties.includes(partySlug.toLowerCase())) return deny(403, `party ${partySlug.toUpperCase()} is not in your scope`);
  return allow;
}

/**
 * May publish or return this assessment: a reviewer who wrote no part of it (two-person
 * rule). `writerIds` are everyone who created, edited or submitted it; without them only
 * the author is known.
 */
export function canReview(actor: Actor | null, assessment: { authorId: string | null; writerIds?: readonly string[] }): Decision {
  if (!actor) return deny(401, 'sign in first');
  if (!actor.roles.includes('reviewer')) return deny(403, 'only reviewers publish or return assessments');
  if (assessment.authorId !== null && assessment.authorId === actor.id) return deny(403, 'you cannot review an assessment you wrote');
  if (assessment.writerIds?.includes(actor.id)) return deny(403, 'you cannot review an assessment you edited or submitted');
  return allow;
}

/** May manage users, roles and party scopes. */
export function canManageUsers(actor: Actor | null): Decision {
  if (!actor) return deny(401, 'sign in first');
  return actor.roles.includes('admin') ? allow : deny(403, 'only admins manage users');
}
