/**
 * Who may prepare and review a treaty-status import (two-person rule), and what an approved
 * import writes. Pure decisions, like src/domain/permissions.ts.
 *
 *  - editors and reviewers prepare an import (treaty status is reference data of every
 *    party, so an editor's party scope does not limit it: the review does);
 *  - a reviewer other than the preparer approves or rejects it.
 */
import type { Actor, Decision } from './permissions';
import type { UntcDiffDetail } from './untc-status';

const allow: Decision = { allowed: true };
const deny = (status: 401 | 403, reason: string, code?: string): Decision => ({ allowed: false, status, reason, code });

/** May prepare (store for review) a treaty-status import. */
export function canPrepareTreatyImport(actor: Actor | null): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  return actor.roles.includes('editor') || actor.roles.includes('reviewer') ? allow : deny(403, 'only editors and reviewers prepare treaty imports', 'treaty.notPreparer');
}

/** May approve or reject this import: a reviewer who did not prepare it. */
export function canReviewTreatyImport(actor: Actor | null, treatyImport: { preparedBy: string }): Decision {
  if (!actor) return deny(401, 'sign in first', 'auth.signedOut');
  if (!actor.roles.includes('reviewer')) return deny(403, 'only reviewers approve or reject treaty imports', 'treaty.notReviewer');
  if (treatyImport.preparedBy === actor.id) return deny(403, 'you cannot review a treaty import you prepared', 'treaty.ownImport');
  return allow;
}

/**
 * The entries an approval writes: `added` (a new row) and `changed` (the date corrected).
 * `missing` and `unknown_party` are for people to follow up: a row the table lacks may be a
 * domestic step or a report, and an unknown name needs a party or an alias first.
 */
export function entriesToApply(diff: readonly UntcDiffDetail[]): UntcDiffDetail[] {
  return diff.filter((entry) => entry.change === 'added' || entry.change === 'changed');
}

/** How every imported row's note begins; the seed leaves rows with this note as they are. */
export const IMPORTED_NOTE_PREFIX = 'Imported from the UN Treaty Collection status table';

/** The note an imported row carries (beside its `checked_on` day): the seed never overwrites a row whose note starts with it. */
export function importedRowNote(importId: number, checkedOn: string): string {
  return `${IMPORTED_NOTE_PREFIX} (treaty import ${importId}); last checked ${checkedOn}.`;
}
