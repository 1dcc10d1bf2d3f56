/**
 * The commands of `npm run user` (db/user-cli.ts), apart from the process: arguments in,
 * one line of output back, or a UsageError / UserInputError whose message is the one line
 * to print. The password comes only from `readPassword` (standard input in the CLI).
 */
import { parseArgs } from 'node:util';
import type { Database } from '../../../../db/client';
import { ROLES } from '../../../domain/vocabulary';
import { CLI_ACTOR, createUser, disableUser, enableUser, resetPassword, unlockUser } from './users';

export { isHelpRequest, USER_COMMAND_USAGE } from './user-command-usage';
import { isHelpRequest, USER_COMMAND_USAGE } from './user-command-usage';

/** Wrong arguments: print the message and the usage. */
export class UsageError extends Error {}

export interface UserCommandIo {
  /** The database to change; opened only once the arguments are known to be good. */
  openDatabase(): Promise<Database>;
  /** The new password, from standard input. */
  readPassword(): Promise<string>;
}

/** Runs one command; returns the line to print on success (the usage, for a help request). */
export async function runUserCommand(argv: readonly string[], io: UserCommandIo): Promise<string> {
  if (isHelpRequest(argv)) return USER_COMMAND_USAGE;
  const [command, ...rest] = argv;
  if (!command) throw new UsageError('a command is needed');
  let values: { email?: string; name?: string; role?: string[]; party?: string[]; 'password-stdin'?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string', multiple: true },
        party: { type: 'string', multiple: true },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const need = (name: 'email' | 'name') => {
    const value = values[name];
    if (!value) throw new UsageError(`--${name} is required`);
    return value;
  };
  const password = async () => {
    if (!values['password-stdin']) throw new UsageError('--password-stdin is required: the password is read from standard input only');
    const text = await io.readPassword();
    if (!text) throw new UsageError('no password on standard input (pipe it in, e.g. `printf %s "$PASSWORD" | npm run user -- …`)');
    return text;
  };
  const withDatabase = async <T>(fn: (db: Database) => Promise<T>): Promise<T> => {
    const db = await io.openDatabase();
    try {
      return await fn(db);
    } finally {
      db.$client.close();
    }
  };

  switch (command) {
    case 'create': {
      const email = need('email');
      const name = need('name');
      if (!values.role?.length) throw new UsageError(`--role is required (${ROLES.join(', ')}; repeat it for several)`);
      const secret = await password();
      // Parties may be repeated or comma-separated: --party THA --party bgd, or --party THA,BGD.
      const parties = (values.party ?? []).flatMap((p) => p.split(','));
      const user = await withDatabase((db) => createUser(db, { email, name, roles: values.role!, parties, password: secret }, CLI_ACTOR));
      return `created ${user.email} (${user.id}); roles: ${user.roles.join(', ')}; parties: ${user.parties.join(', ') || 'none'}`;
    }
    case 'disable': {
      const user = await withDatabase((db) => disableUser(db, need('email'), CLI_ACTOR));
      return `disabled ${user.email}; all its sessions are ended`;
    }
    case 'enable': {
      const user = await withDatabase((db) => enableUser(db, need('email'), CLI_ACTOR));
      return `enabled ${user.email}`;
    }
    case 'reset-password': {
      const email = need('email');
      const secret = await password();
      const { user, sessionsEnded } = await withDatabase((db) => resetPassword(db, email, secret, CLI_ACTOR));
      return `password reset for ${user.email}; ${sessionsEnded} session(s) ended`;
    }
    case 'unlock': {
      const email = need('email');
      const cleared = await withDatabase((db) => unlockUser(db, email, CLI_ACTOR));
      return `unlocked ${email}; ${cleared} failed sign-in(s) forgotten`;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}
