/**
 * `npm run treaty:import`: treaty status from the UN Treaty Collection (src/lib/server/treaty-import.ts).
 * The command never writes treaty actions by itself: applying is a reviewed change.
 *
 *   npm run treaty:import -- --instrument SLUG --file FILE [--dry-run] [--json]
 *       reads the table (copied from the UNTC page, or its XML) and prints the differences
 *       against the database; writes nothing. `--json` prints exactly
 *       [{"party","action","date","change"}].
 *   npm run treaty:import -- --instrument SLUG --file FILE --prepare --as EMAIL [--checked-on YYYY-MM-DD]
 *       stores the import for review (pending), prepared by that staff member.
 *   npm run treaty:import -- approve ID --as EMAIL      a reviewer other than the preparer applies it
 *   npm run treaty:import -- reject ID --as EMAIL [--comment TEXT]
 *   npm run treaty:import -- list                        pending imports
 *
 * Exit 1 with one line on stderr for a usage error, a table with errors, or a refusal.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { countDiff, toDiffJson, type UntcDiffDetail } from '../src/domain/untc-status';
import { appendAudit } from '../src/lib/server/audit';
import { WorkspaceError, type Acting } from '../src/lib/server/assessments/service';
import { getUserByEmail, loadAuthUser } from '../src/lib/server/auth/auth-user';
import { approveTreatyImport, listTreatyImports, prepareTreatyImport, previewTreatyImport, rejectTreatyImport } from '../src/lib/server/treaty-import';
import { openDatabase, type Database } from './client';
import { ConfigError, readDatabaseConfig } from './config';
import { migrateDatabase } from './migrate';

const USAGE = `usage:
  npm run treaty:import -- --instrument SLUG --file FILE [--dry-run] [--json]
  npm run treaty:import -- --instrument SLUG --file FILE --prepare --as EMAIL [--checked-on YYYY-MM-DD]
  npm run treaty:import -- approve ID --as EMAIL
  npm run treaty:import -- reject ID --as EMAIL [--comment TEXT]
  npm run treaty:import -- list`;

class UsageError extends Error {}

function fail(message: string, usage = false): never {
  console.error(`error: ${message}${usage ? `\n${USAGE}` : ''}`);
  process.exit(1);
}

/** One line per difference, aligned, for people. */
function describe(diff: readonly UntcDiffDetail[]): string[] {
  const label = { added: 'added', changed: 'changed', missing: 'missing', unknown_party: 'unknown' } as const;
  return diff.map((d) => {
    const party = d.change === 'unknown_party' ? `"${d.party}"` : d.party;
    const date = d.date ?? '(no date)';
    const was = d.change === 'changed' ? ` (database: ${d.previousDate ?? 'no date'})` : '';
    return `${label[d.change].padEnd(8)} ${party.padEnd(6)} ${d.action.padEnd(13)} ${date}${was}`;
  });
}

/** The staff member named by --as, as the services want them (refused when unknown or disabled). */
async function actorFor(db: Database, email: string | undefined): Promise<Acting> {
  if (!email) throw new UsageError('--as EMAIL is required: the staff member who acts');
  const record = await getUserByEmail(db, email);
  const user = record ? await loadAuthUser(db, record.id) : null;
  if (!user) throw new WorkspaceError(403, `no active staff account ${email.trim().toLowerCase()}`);
  return { id: user.id, email: user.email, name: user.name, roles: user.roles, parties: user.parties, ip: null };
}

const { values, positionals } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        instrument: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        prepare: { type: 'boolean', default: false },
        as: { type: 'string' },
        'checked-on': { type: 'string' },
        comment: { type: 'string' },
      },
    });
  } catch (error) {
    return fail((error as Error).message, true);
  }
})();

const [command, idText] = positionals;
let db: Database | null = null;
let acting: Acting | null = null;
try {
  // One connection: one command, its statements one after another.
  db = await openDatabase(readDatabaseConfig(), { connections: 1 });
  if (command === 'approve' || command === 'reject') {
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${command} needs the import's number, e.g. ${command} 3`);
    await migrateDatabase(db);
    acting = await actorFor(db, values.as);
    if (command === 'approve') {
      const result = await approveTreatyImport(db, acting, id);
      console.log(`applied treaty import ${id}: ${result.written.length} treaty action${result.written.length === 1 ? '' : 's'} written`);
      for (const line of describe(result.written)) console.log(line);
    } else {
      await rejectTreatyImport(db, acting, id, values.comment?.trim() || null);
      console.log(`rejected treaty import ${id}`);
    }
  } else if (command === 'list') {
    await migrateDatabase(db);
    const pending = await listTreatyImports(db, 'pending');
    if (pending.length === 0) console.log('no treaty imports are waiting for review');
    for (const p of pending) {
      const c = p.counts;
      console.log(`${p.id}  ${p.instrumentSlug}  prepared by ${p.preparedByEmail} on ${p.preparedAt.slice(0, 10)}  ${c.added} added, ${c.changed} changed, ${c.missing} missing, ${c.unknown_party} unknown`);
    }
  } else if (command !== undefined) {
    throw new UsageError(`unknown command "${command}"`);
  } else {
    if (!values.instrument || !values.file) throw new UsageError('--instrument SLUG and --file FILE are required');
    if (values.prepare && values['dry-run']) throw new UsageError('--prepare and --dry-run exclude each other');
    if (values['checked-on'] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values['checked-on'])) throw new UsageError('--checked-on must be a date YYYY-MM-DD');
    let content: string;
    try {
      content = readFileSync(values.file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${values.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (values.prepare) {
      await migrateDatabase(db);
      acting = await actorFor(db, values.as);
      const { id, preview } = await prepareTreatyImport(db, acting, { instrumentSlug: values.instrument, content, fileName: basename(values.file), checkedOn: values['checked-on'] });
      if (values.json) console.log(JSON.stringify(toDiffJson(preview.diff)));
      else {
        const c = preview.counts;
        console.log(`prepared treaty import ${id} for review: ${c.added} added, ${c.changed} changed, ${c.missing} missing, ${c.unknown_party} unknown`);
        console.log(`a reviewer other than you applies it: npm run treaty:import -- approve ${id} --as REVIEWER_EMAIL`);
      }
    } else {
      const preview = await previewTreatyImport(db, values.instrument, content);
      if (preview.table.errors.length) {
        for (const e of preview.table.errors) console.error(`${e.line ? `line ${e.line}: ` : ''}${e.message}`);
        fail(`${values.file} has ${preview.table.errors.length} line${preview.table.errors.length === 1 ? '' : 's'} that could not be read; nothing was compared`);
      }
      if (values.json) console.log(JSON.stringify(toDiffJson(preview.diff)));
      else {
        const c = countDiff(preview.diff);
        console.log(`${values.instrument}: ${preview.table.rows.length} participants read from ${basename(values.file)} (${preview.table.format}); ${c.added} added, ${c.changed} changed, ${c.missing} missing, ${c.unknown_party} unknown`);
        for (const line of describe(preview.diff)) console.log(line);
        if (c.missing > 0) console.log(`${c.missing} stored action${c.missing === 1 ? ' is' : 's are'} not in the table: if that is more than you expect, check that the whole table was copied (the import never deletes them).`);
        console.log('dry run: nothing was written. To apply it, prepare it for review with --prepare --as EMAIL.');
      }
    }
  }
} catch (error) {
  if (error instanceof UsageError) fail(error.message, true);
  if (error instanceof WorkspaceError) {
    if ((error.status === 401 || error.status === 403) && db && acting) {
      await appendAudit(db, { actorId: acting.id, actorLabel: acting.email, action: 'auth.refused', entityType: 'command', entityId: `treaty:import ${command ?? 'prepare'}`, after: { reason: error.message, via: 'cli' } });
    }
    fail(error.message);
  }
  if (error instanceof ConfigError) fail(error.message.split('\n')[0]!);
  const missingTable = /no such table/.exec(String((error as Error)?.cause ?? error));
  if (missingTable) fail("the database has no schema (is this the monitor's database? `npm run db:prepare` creates it)");
  throw error;
} finally {
  db?.$client.close();
}
