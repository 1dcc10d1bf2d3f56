import { resolve } from 'node:path';

/** Scratch space for temp databases and servers (git-ignored). */
export const TMP_DIR = resolve(process.cwd(), 'tests/.tmp');
