/**
 * The usage of `npm run user`, apart from the commands themselves so that the command line
 * can print it before it loads anything else (the database client, the password hasher).
 */
import { ROLES } from '../../../domain/vocabulary';

export const USER_COMMAND_USAGE = `usage:
  npm run user -- create --email E --name N --role ${ROLES.join('|')} [--role …] [--party THA …] --password-stdin
  npm run user -- disable --email E
  npm run user -- enable --email E
  npm run user -- reset-password --email E --password-stdin
  npm run user -- unlock --email E
  npm run user -- --help

Roles: admin manages accounts, roles and party scopes (and cannot write assessments); editor
writes the self-reported assessments of the parties given with --party (repeat it, or THA,BGD);
analyst (the secretariat) writes independent assessments of any party; reviewer publishes or
returns other people's assessments; viewer reads the workspace. The password is read from
standard input only:
  printf %s 'a long passphrase' | npm run user -- create --email ploy@example.org --name "Ploy" --role editor --party THA --password-stdin`;

/** What `help`, `--help` or `-h` (anywhere) asks for. */
export function isHelpRequest(argv: readonly string[]): boolean {
  return argv[0] === 'help' || argv.includes('--help') || argv.includes('-h');
}
