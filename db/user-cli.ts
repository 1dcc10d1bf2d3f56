/**
 * `npm run user -- <command>`: staff accounts from the command line (the commands are in
 * src/lib/server/auth/user-command.ts). Every change is audited with the actor "cli".
 * Passwords are read from standard input only (piped, or typed without echo at a
 * terminal), never from an argument, and there is no default password.
 *
 *   printf %s "$PASSWORD" | npm run user -- create --email E --name N --role editor --party THA --password-stdin
 *   npm run user -- disable --email E
 *   npm run user -- enable --email E
 *   printf %s "$PASSWORD" | npm run user -- reset-password --email E --password-stdin
 */
import { isHelpRequest, USER_COMMAND_USAGE } from '../src/lib/server/auth/user-command-usage';

// The usage first, before anything else is loaded or opened.
if (isHelpRequest(process.argv.slice(2))) {
  console.log(USER_COMMAND_USAGE);
  process.exit(0);
}
const { runUserCommand, UsageError } = await import('../src/lib/server/auth/user-command');
const { UserInputError } = await import('../src/lib/server/auth/users');
const { openDatabase } = await import('./client');
const { ConfigError, readDatabaseConfig } = await import('./config');
const { migrateDatabase } = await import('./migrate');

/** All of standard input less one trailing newline; at a terminal, one line typed without echo. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHiddenLine('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let line = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(line);
    };
    const onData = (data: string) => {
      for (const char of data) {
        if (char === '\r' || char === '\n' || char === '\u0004') return done();
        if (char === '\u0003') return done(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') line = [...line].slice(0, -1).join('');
        else line += char;
      }
    };
    stdin.on('data', onData);
  });
}

try {
  const line = await runUserCommand(process.argv.slice(2), {
    readPassword,
    openDatabase: async () => {
      // One connection: one command, its statements one after another.
      const db = await openDatabase(readDatabaseConfig(), { connections: 1 });
      await migrateDatabase(db);
      return db;
    },
  });
  console.log(line);
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`error: ${error.message}\n${USER_COMMAND_USAGE}`);
    process.exit(1);
  }
  if (error instanceof UserInputError || error instanceof ConfigError) {
    console.error(`error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
