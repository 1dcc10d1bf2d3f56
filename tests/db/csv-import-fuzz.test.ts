/**
 * Fuzzing the CSV importer in-process (not over HTTP) with @fast-check/vitest:
 *  - 10,000 generated bad files (junk text, broken quoting, mangled headers, random cells)
 *    through the importer's check (parse + plan against the real database's context);
 *  - 500 generated files of 20 bad rows each (10,000 bad rows: unknown codes, bad statuses
 *    and dates, missing evidence URLs, parties out of scope, oversized or control-character
 *    text, stale versions, duplicates…) through `applyImport` against the database.
 * Never an unhandled error, always a per-row error list naming each bad row, and the
 * database checksum unchanged.
 */
import { fc, test as propertyTest } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client';
import { seedDatabase } from '../../db/seed';
import { parseImportCsv, partiesOf, planImport, type ImportContext } from '../../src/domain/csv-import';
import { STATUSES } from '../../src/domain/vocabulary';
import { applyImport } from '../../src/lib/server/assessments/csv-import';
import type { Acting } from '../../src/lib/server/assessments/service';
import { exportPartyAssessmentsCsv, loadImportContext } from '../../src/lib/server/assessments/spreadsheet';
import { newAssessmentCells, readRecords, writeRecords, writtenTablesChecksum } from '../helpers/import-fixtures';
import { createTempDatabase } from '../helpers/temp-db';

const editor: Acting = { id: 'fuzz-editor', email: 'fuzz@mfa.go.th', name: 'Fuzz', roles: ['editor'], parties: ['tha'] };

let db: Database;
let header: string[];
let emptyRows: string[][];
let publishedRows: string[][];
let exported: string;
let context: ImportContext;
let checksum: string;

beforeAll(async () => {
  ({ db } = await createTempDatabase());
  await seedDatabase(db);
  exported = (await exportPartyAssessmentsCsv(db, 'tha'))!;
  const [h, ...rows] = readRecords(exported);
  header = h!;
  emptyRows = rows.filter((r) => r[0] === '');
  publishedRows = rows.filter((r) => r[2] === 'published');
  context = await loadImportContext(db, editor, ['tha', 'npl', 'asean']);
  checksum = await writtenTablesChecksum(db);
});
afterAll(() => db?.$client.close());

/** A junk cell: anything, including quotes, separators, line ends, BOMs, formulas and Thai. */
const junkCell = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('"', '""', '","', '\r\n', '\n', '\uFEFF', '=cmd|"/c calc"!A1', "'", 'ไทย', 'THA', 'BJS-1', 'self_reported', 'limited', '2026-02-30', 'https://', '\u0000'),
);

/** Files that cannot be applied: junk, broken quoting, headers with columns missing, renamed or doubled, random rows. */
const badFile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.array(junkCell, { maxLength: 12 }), { minLength: 1, maxLength: 8 }).map((rows) => rows.map((r) => r.join(',')).join('\r\n')),
  fc.tuple(fc.nat(), fc.constantFrom('drop', 'rename', 'double', 'quote')).map(([n, how]) => {
    const lines = exported.split('\r\n').slice(0, 8);
    const cols = lines[0]!.replace(/^\uFEFF/, '').split(',');
    const i = n % cols.length;
    const required = ['party', 'commitment', 'assessor', 'status', 'as_of', 'narrative'];
    const target = required.includes(cols[i]!) ? i : cols.indexOf(required[n % required.length]!);
    if (how === 'drop') cols.splice(target, 1);
    else if (how === 'rename') cols[target] = `${cols[target]}_x`;
    else if (how === 'double') cols.push(cols[target]!);
    else return `${lines.slice(0, 2).join('\r\n')}\r\n"unterminated,${lines.slice(2).join('\r\n')}`;
    return [cols.join(','), ...lines.slice(1)].join('\r\n');
  }),
  fc.array(fc.array(junkCell, { minLength: 6, maxLength: 30 }), { minLength: 1, maxLength: 5 }).map((rows) => `party,commitment,assessor,status,as_of,narrative\r\n${rows.map((r) => r.join(',')).join('\r\n')}`),
);

describe('bad files through the check', () => {
  propertyTest.prop([badFile], { numRuns: 10_000 })('never throw, and never plan a change', (text) => {
    const file = parseImportCsv(text);
    partiesOf(file);
    const plan = planImport(file, text, context);
    expect(plan.changes).toEqual([]);
    for (const e of plan.errors) {
      expect(Number.isInteger(e.row) && e.row >= 0).toBe(true);
      expect(typeof e.message).toBe('string');
    }
  }, 300_000);
});

/** The ways a row goes bad; each is an edit of a complete, valid row. */
type Corruption = (cells: Record<string, string>, seed: string) => Record<string, string>;
const CORRUPTIONS: Record<string, Corruption> = {
  unknownCommitment: (c, s) => ({ ...c, commitment: `ZZ-${s.replace(/[^A-Za-z0-9]/g, '').slice(0, 6)}9` }),
  badStatus: (c, s) => ({ ...c, status: (STATUSES as readonly string[]).includes(s) ? `${s}!` : s || 'finished' }),
  missingEvidenceUrl: (c) => ({ ...c, evidence_1_url: '' }),
  notAUrl: (c, s) => ({ ...c, evidence_1_url: `not a url ${s}` }),
  badAsOf: (c, s) => ({ ...c, as_of: `${s.slice(0, 5)}/13/2026` }),
  impossibleDate: (c) => ({ ...c, as_of: '2026-02-30' }),
  badEvidenceDate: (c, s) => ({ ...c, evidence_1_date: `20${s.length}-99-01` }),
  outOfScope: (c) => ({ ...c, party: 'NPL' }),
  unknownParty: (c, s) => ({ ...c, party: `Q${s.replace(/[^A-Za-z]/g, '').slice(0, 4)}Q` }),
  oversized: (c, s) => ({ ...c, narrative: `${s}${'ข'.repeat(4001)}` }),
  tooShort: (c) => ({ ...c, narrative: 'short' }),
  controlCharacter: (c, s) => ({ ...c, narrative: `A narrative with a bell\u0007 ${s}` }),
  badAssessor: (c, s) => ({ ...c, assessor: `x${s}` }),
  badGrade: (c, s) => ({ ...c, evidence_1_grade: `grade-${s}` }),
  unknownId: (c) => ({ ...c, assessment_id: '987654', version: '1' }),
  notAnId: (c, s) => ({ ...c, assessment_id: `id-${s}`, version: '1' }),
};

describe('bad rows through apply', () => {
  propertyTest.prop(
    [fc.array(fc.tuple(fc.constantFrom(...Object.keys(CORRUPTIONS)), fc.string({ maxLength: 12 })), { minLength: 20, maxLength: 20 }), fc.boolean()],
    { numRuns: 500 },
  )('are all refused with an error on each, and nothing is written', async (bad, withStale) => {
    const rows: string[][] = [header];
    const badRows: number[] = [];
    bad.forEach(([name, seed], i) => {
      const base = emptyRows[i % emptyRows.length]!;
      const cells = { ...Object.fromEntries(header.map((h, j) => [h, base[j] ?? ''])), ...newAssessmentCells(i) };
      const corrupted = CORRUPTIONS[name]!(cells, seed);
      rows.push(header.map((h) => corrupted[h] ?? ''));
      badRows.push(rows.length);
    });
    if (withStale && publishedRows.length) {
      // An edit of a published row carrying a version it never had: stale.
      const p = publishedRows[0]!;
      const cells = Object.fromEntries(header.map((h, j) => [h, p[j] ?? '']));
      rows.push(header.map((h) => ({ ...cells, version: String(Number(cells.version) + 7), status: cells.status === 'complete' ? 'limited' : 'complete' })[h] ?? ''));
      badRows.push(rows.length);
      // And a duplicate of it.
      rows.push([...rows.at(-1)!]);
      badRows.push(rows.length);
    }
    const result = await applyImport(db, editor, writeRecords(rows));
    expect(result.outcome).toBe('rejected');
    const withErrors = new Set(result.plan.errors.map((e) => e.row));
    for (const row of badRows) expect(withErrors.has(row), `row ${row} has an error`).toBe(true);
  }, 600_000);

  it('leaves the database unchanged', async () => {
    expect(await writtenTablesChecksum(db)).toBe(checksum);
  });
});
