/**
 * Who may do what in the staff workspace. Pure decisions; the server turns a refusal into
 * 401 (signed out) or 403 (signed in, not allowed) and audits it.
 *
 *  - admin: manages users and their party scopes.
 *  - reviewer: publishes or returns submitted assessments of any party, never their own.
 *  - editor: creates and edits drafts for the parties in their scope only, and submits them;
 *    what an editor writes is always `self_reported` (a party's own account of itself).
 *  - analyst: the secretariat's own assessor, not scoped to parties; what an analyst writes is
 *    always `independent`. Another member of the secretariat (a reviewer) publishes it.
 *  - viewer: reads the workspace, submitted-but-unpublished assessments included.
 */
import type { Assessor, Role } from './vocabulary';

/** A signed-in person, reduced to what permissions need. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** Party slugs (lower case) an editor may write for. */
  parties: readonly string[];
}

/** A refusal carries its English reason and a stable code with parameters (src/i18n/workflow-messages.ts) that pages put in their language. */
export type Decision = { allowed: true } | { allowed: false; status: 401 | 403; reason: string; code?: string; params?: Record<string, string> };

const allow: Decision = { allowed: true };
const deny = (status: 401 | 403, reason: string, code?: string, params?: Record<string, string>): Decision => ({ allowed: false, status, reason, code, params });

/** May read the workspace (any staff role). */
export function canReadWorkspace(actor: Actor | null): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  return actor.roles.length > 0 ? allow : deny(403, 'no workspace role');
}

/** May create or edit assessments, evidence and indicator values for this party. */
export function canEditParty(actor: Actor | null, partySlug: string): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  if (!actor.roles.includes('editor')) return deny(403, 'only editors write assessments', 'write.notEditor');
  if (!actor.parties.includes(partySlug.toLowerCase())) return deny(403, `party ${partySlug.toUpperCase()} is not in your scope`, 'write.outOfScope', { party: partySlug.toUpperCase() });
  return allow;
}

/**
 * May publish or return this assessment: a reviewer who wrote no part of it (two-person
 * rule). `writerIds` are everyone who created, edited or submitted it; without them only
 * the author is known.
 */
export function canReview(actor: Actor | null, assessment: { authorId: string | null; writerIds?: readonly string[] }): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  if (!actor.roles.includes('reviewer')) return deny(403, 'only reviewers publish or return assessments', 'review.notReviewer');
  if (assessment.authorId !== null && assessment.authorId === actor.id) return deny(403, 'you cannot review an assessment you wrote', 'review.ownWork');
  if (assessment.writerIds?.includes(actor.id)) return deny(403, 'you cannot review an assessment you edited or submitted', 'review.editedWork');
  return allow;
}

/** May manage users, roles and party scopes. */
export function canManageUsers(actor: Actor | null): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  return actor.roles.includes('admin') ? allow : deny(403, 'only admins manage users');
}

/**
 * The assessors a person may write as for this party: an editor of the party writes
 * `self_reported`, an analyst `independent`. The assessor follows from the role, never
 * from a field the writer picks; someone holding both roles chooses between the two.
 */
export function assessorsFor(actor: Actor | null, partySlug: string): Assessor[] {
  if (!actor) return [];
  const out: Assessor[] = [];
  if (actor.roles.includes('editor') && actor.parties.includes(partySlug.toLowerCase())) out.push('self_reported');
  if (actor.roles.includes('analyst')) out.push('independent');
  return out;
}

/** May write (create, edit, submit) an assessment of this party by this assessor. */
export function canWriteAssessment(actor: Actor | null, partySlug: string, assessor: Assessor): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  if (assessorsFor(actor, partySlug).includes(assessor)) return allow;
  if (assessor === 'independent') {
    return deny(403, "independent assessments are written by the secretariat's analysts; a party's editors write self-reported ones", 'write.independentByAnalysts');
  }
  if (actor.roles.includes('editor')) return deny(403, `party ${partySlug.toUpperCase()} is not in your scope`, 'write.outOfScope', { party: partySlug.toUpperCase() });
  if (actor.roles.includes('analyst')) return deny(403, "self-reported assessments are written by the party's own editors; an analyst writes independent ones", 'write.selfReportedByEditors');
  return deny(403, 'only editors and analysts write assessments', 'write.notWriter');
}

/** Result of choosing the assessor of a new assessment from the writer's roles. */
export type AssessorChoice = { ok: true; assessor: Assessor } | { ok: false; status: 400 | 401 | 403; reason: string; code?: string; params?: Record<string, string> };

/**
 * The assessor of a new assessment: the one the writer's role gives; a value sent that the
 * role does not give is refused (the field is checked, never trusted); someone who may write
 * both must say which.
 */
export function chooseAssessor(actor: Actor | null, partySlug: string, requested: Assessor | undefined): AssessorChoice {
  if (!actor) return { ok: false, status: 401, reason: 'sign in first', code: 'auth.signedOut' };
  const allowed = assessorsFor(actor, partySlug);
  if (requested !== undefined) {
    if (allowed.includes(requested)) return { ok: true, assessor: requested };
    const decision = canWriteAssessment(actor, partySlug, requested);
    return decision.allowed ? { ok: false, status: 403, reason: 'not allowed' } : { ok: false, status: decision.status, reason: decision.reason, code: decision.code, params: decision.params };
  }
  if (allowed.length === 1) return { ok: true, assessor: allowed[0]! };
  if (allowed.length > 1) return { ok: false, status: 400, reason: 'choose the assessor: you may write both self-reported and independent assessments of this party', code: 'write.chooseAssessor' };
  const decision = canEditParty(actor, partySlug);
  return decision.allowed ? { ok: false, status: 403, reason: 'not allowed' } : { ok: false, status: decision.status, reason: decision.reason, code: decision.code, params: decision.params };
}
