/**
 * Every mutation of the staff workspace, as Astro actions grouped per area. Forms post to
 * their page with `?_action=<area>.<name>` (from `actions.<area>.<name>`), so they work with
 * JavaScript off; each handler checks the signed-in user and the party scope.
 */
import { account } from './account';
import { assessments } from './assessments';
import { importActions } from './import';
import { indicators } from './indicators';
import { measureActions } from './measures';
import { review } from './review';
import { tokens } from './tokens';
import { treatyImport } from './treaty-import';
import { users } from './users';

export const server = { assessments, review, users, account, tokens, indicators, import: importActions, treatyImport, measures: measureActions };
