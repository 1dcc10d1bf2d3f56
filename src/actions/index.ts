/** Every staff mutation, grouped per area; each module's actions take plain HTML form posts. */
import { importActions } from './import';

export const server = {
  import: importActions,
};
