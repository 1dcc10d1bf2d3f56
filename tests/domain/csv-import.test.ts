/**
 * The assessment spreadsheet, written and read back without a database: format, escaping,
 * round trip, the changes an edit makes, and every per-row error with its row and column.
 */
import { fc, test as propertyTest } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  assessmentKey,
  buildAssessmentCsv,
  decodeCell,
  encodeCell,
  exportHeader,
  pickCurrent,
  type CurrentAssessment,
} from '../../src/domain/assessment-csv';
import { decodeUtf8, MAX_CELL_LENGTH, parseImportCsv, planImport, type ImportContext, type ImportPlan } from '../../src/domain/csv-import';
import type { Actor } from '../../src/domain/permissions';
import { ASSESSORS } from '../../src/domain/vocabulary';

const THAI = 'จัดตั้งศูนย์ปฏิบัติการแก้ไขปัญหาอาชญากรรมออนไลน์ (AOC) แล้ว, ทำงานตลอด 24 ชั่วโมง';

const published: CurrentAssessment = {
  id: 10,
  version: 3,
  state: 'published',
  partySlug: 'tha',
  commitmentCode: 'BJS-1',
  assessor: 'self_reported',
  status: 'substantial',
  asOf: '2025-12-01',
  narrativeEn: 'Anti Online Scam Operation Centre set up;\nit answers the 1441 hotline, "round the clock".',
  narrativeTh: THAI,
  evidence: [
    { url: 'https://www.mdes.go.th/news/aoc', title: 'AOC 1441 opens', publisher: 'Ministry of Digital Economy', publishedOn: '2025-11-03', grade: 'official' },
    { url: 'https://www.bangkokpost.com/aoc', title: '=HYPERLINK("x") is not a formula', publisher: 'Bangkok Post', publishedOn: null, grade: 'media' },
  ],
};
const draft: CurrentAssessment = {
  id: 11,
  version: 2,
  state: 'draft',
  partySlug: 'tha',
  commitmentCode: 'BJS-2',
  assessor: 'self_reported',
  status: 'limited',
  asOf: '2026-01-15',
  narrativeEn: '-3 provinces still lack a cyber unit; @mention of the police.',
  narrativeTh: null,
  evidence: [{ url: 'https://www.royalthaipolice.go.th/x', title: "'quoted title", publisher: 'Royal Thai Police', publishedOn: '2026-01-10', grade: 'official' }],
};
const submitted: CurrentAssessment = { ...draft, id: 12, version: 4, state: 'submitted', commitmentCode: 'BJS-1', assessor: 'independent', narrativeEn: 'In review: the independent view of BJS-1.' };
const nepal: CurrentAssessment = { ...draft, id: 20, version: 1, partySlug: 'npl', commitmentCode: 'BJS-1', narrativeEn: 'Nepal has a draft cybercrime bill before parliament.' };

const editor: Actor = { id: 'u1', roles: ['editor'], parties: ['tha'] };

function context(actor: Actor = editor, current: CurrentAssessment[] = [published, draft, submitted], older: CurrentAssessment[] = []): ImportContext {
  const all = [...current, ...older, { ...published, id: 5, version: 1, asOf: '2024-06-01' }, nepal];
  return {
    actor,
    parties: new Set(['tha', 'npl']),
    commitments: new Map([
      ['BJS-1', { code: 'BJS-1', instrumentSlug: 'bjs', applicability: 'all_parties' as const, pledgePartySlug: null }],
      ['BJS-2', { code: 'BJS-2', instrumentSlug: 'bjs', applicability: 'all_parties' as const, pledgePartySlug: null }],
      ['THA-P1', { code: 'THA-P1', instrumentSlug: 'bjs', applicability: 'party_pledge' as const, pledgePartySlug: 'tha' }],
      ['NPL-P1', { code: 'NPL-P1', instrumentSlug: 'bjs', applicability: 'party_pledge' as const, pledgePartySlug: 'npl' }],
      ['UNCC-1', { code: 'UNCC-1', instrumentSlug: 'uncc', applicability: 'all_parties' as const, pledgePartySlug: null }],
    ]),
    joined: new Map([
      ['tha', new Set(['bjs'])],
      ['npl', new Set(['bjs'])],
    ]),
    assessments: new Map(all.map((a) => [a.id, { id: a.id, partySlug: a.partySlug, commitmentCode: a.commitmentCode, assessor: a.assessor, state: a.state, version: a.version, asOf: a.asOf, publishedAt: null }])),
    current: new Map(current.map((a) => [assessmentKey(a.partySlug, a.commitmentCode, a.assessor), a])),
  };
}

const COMMITMENTS = [
  { code: 'BJS-1', titleEn: 'Name a lead agency' },
  { code: 'BJS-2', titleEn: 'Train police, prosecutors and judges' },
  { code: 'THA-P1', titleEn: 'Thailand pledge' },
];

const exported = () => buildAssessmentCsv('tha', COMMITMENTS, ASSESSORS, context().current);

/** The exported file as records (header first), for editing like a spreadsheet would. */
function records(text: string): string[][] {
  return parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
}

/** Writes records back the way the exporter does. */
function write(rows: string[][]): string {
  return `\uFEFF${rows.map((r) => r.map((cell) => encodeCell(decodeCell(cell))).join(',')).join('\r\n')}\r\n`;
}

/** Edits one cell of the row for a commitment and assessor. */
function edit(text: string, code: string, assessor: string, column: string, value: string): string {
  const rows = records(text);
  const header = rows[0]!;
  const row = rows.find((r) => r[header.indexOf('commitment')] === code && r[header.indexOf('assessor')] === assessor)!;
  row[header.indexOf(column)] = encodeCell(value).replace(/^"|"$/g, '').replace(/""/g, '"');
  return write(rows);
}

function plan(text: string, actor: Actor = editor): ImportPlan {
  return planImport(parseImportCsv(text), text, context(actor));
}

const errorsAt = (p: ImportPlan) => p.errors.map((e) => ({ row: e.row, column: e.column }));

describe('the exported spreadsheet', () => {
  it('is UTF-8 with a BOM, CRLF line ends, one row per commitment and assessor, Thai text intact', () => {
    const text = exported();
    expect(text.startsWith('\uFEFFassessment_id,version,state,party,commitment,commitment_title,assessor,status,as_of,narrative,narrative_th,evidence_1_url,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = records(text);
    expect(rows).toHaveLength(1 + COMMITMENTS.length * ASSESSORS.length);
    expect(rows[0]).toEqual(exportHeader(2));
    const tha1 = rows[1]!;
    expect(tha1.slice(0, 9)).toEqual(['10', '3', 'published', 'THA', 'BJS-1', 'Name a lead agency', 'self_reported', 'substantial', '2025-12-01']);
    expect(tha1[10]).toBe(THAI);
    // A line break inside a quoted cell stays in its one row.
    expect(tha1[9]).toBe(published.narrativeEn);
    // A row with no assessment yet is there to be filled in.
    expect(rows[5]!.slice(0, 8)).toEqual(['', '', '', 'THA', 'THA-P1', 'Thailand pledge', 'self_reported', '']);
  });

  it('neutralises cells a spreadsheet would run as a formula, and apostrophes, so both read back exactly', () => {
    const text = exported();
    expect(text).toContain(`"'=HYPERLINK(""x"") is not a formula"`);
    expect(text).toContain("'-3 provinces");
    expect(text).toContain("''quoted title");
    const rows = records(text);
    expect(decodeCell(rows[3]![9]!)).toBe(draft.narrativeEn);
    expect(decodeCell(rows[3]![12]!)).toBe("'quoted title");
  });

  it('gives back text that starts with any character the export neutralises, full-width ones included', () => {
    for (const text of ['=1+1', '+1', '-1', '@x', '|x', '%x', '\tx', '＝1', '＋1', '－1', '＠x', '｜', '％', "'x", "''x"]) {
      const [, row] = parse(`a,b\r\n${encodeCell(text)},x\r\n`, { relax_column_count: true }) as string[][];
      expect(decodeCell(row![0]!), text).toBe(text);
    }
  });

  propertyTest.prop([fc.string({ unit: 'binary', maxLength: 60 })], { numRuns: 2000 })('any text survives encode → CSV → decode', (text) => {
    const file = `a,b\r\n${encodeCell(text)},x\r\n`;
    const [, row] = parse(file, { relax_column_count: true }) as string[][];
    expect(decodeCell(row![0]!)).toBe(text);
  });
});

describe('pickCurrent', () => {
  const head = (id: number, state: CurrentAssessment['state'], asOf = '2025-01-01', publishedAt: string | null = null) => ({ id, state, asOf, publishedAt });

  it('prefers the latest working copy, then the one in review, then the latest published', () => {
    expect(pickCurrent([head(1, 'published'), head(2, 'submitted'), head(3, 'draft'), head(4, 'returned')])!.id).toBe(4);
    expect(pickCurrent([head(1, 'published'), head(2, 'submitted')])!.id).toBe(2);
    expect(pickCurrent([head(7, 'published', '2025-03-01'), head(3, 'published', '2025-05-01'), head(9, 'published', '2025-04-01')])!.id).toBe(3);
    expect(pickCurrent([head(7, 'published', '2025-03-01', '2025-03-09'), head(3, 'published', '2025-03-01', '2025-03-10')])!.id).toBe(3);
    expect(pickCurrent([])).toBeNull();
  });
});

describe('importing the spreadsheet back', () => {
  it('changes nothing when nothing was edited', () => {
    const p = plan(exported());
    expect(p.errors).toEqual([]);
    expect(p.changes).toEqual([]);
    expect(p).toMatchObject({ rows: 6, unchanged: 3, empty: 3, errorCount: 0 });
  });

  it('reads CRLF or LF files, with or without a BOM, and line ends inside cells either way', () => {
    const text = exported();
    const lf = text.replace(/\r\n/g, '\n');
    const noBom = text.slice(1);
    for (const variant of [lf, noBom, lf.slice(1)]) {
      const p = plan(variant);
      expect(p.errors).toEqual([]);
      expect(p.changes).toEqual([]);
    }
  });

  it('reads a file saved with its own quoting choices (all cells quoted, header in capitals)', () => {
    const rows = records(exported());
    rows[0] = rows[0]!.map((name) => name.toUpperCase());
    const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
    expect(plan(text).changes).toEqual([]);
  });

  it('edits a draft in place, supersedes a published assessment with a new draft, and creates a new one from an empty row', () => {
    let text = exported();
    text = edit(text, 'BJS-2', 'self_reported', 'status', 'substantial');
    text = edit(text, 'BJS-1', 'self_reported', 'evidence_2_date', '2025-11-05');
    text = edit(text, 'THA-P1', 'independent', 'status', 'not_started');
    text = edit(text, 'THA-P1', 'independent', 'as_of', '2026-02-01');
    text = edit(text, 'THA-P1', 'independent', 'narrative', 'ยังไม่เริ่ม: no plan has been published yet.');
    text = edit(text, 'THA-P1', 'independent', 'evidence_1_url', 'https://example.org/report');
    text = edit(text, 'THA-P1', 'independent', 'evidence_1_title', 'Civil society report');
    text = edit(text, 'THA-P1', 'independent', 'evidence_1_publisher', 'Example NGO');
    text = edit(text, 'THA-P1', 'independent', 'evidence_1_grade', 'other');
    // An editor who is also an analyst may write both assessors' rows.
    const p = plan(text, { ...editor, roles: ['editor', 'analyst'] });
    expect(p.errors).toEqual([]);
    expect(p.changes.map((c) => ({ row: c.row, kind: c.kind, targetId: c.targetId, changed: c.changed }))).toEqual([
      { row: 2, kind: 'supersede', targetId: 10, changed: ['evidence'] },
      { row: 4, kind: 'update', targetId: 11, changed: ['status'] },
      { row: 7, kind: 'create', targetId: null, changed: ['status', 'as_of', 'narrative', 'evidence'] },
    ]);
    expect(p.changes[2]!.input).toMatchObject({ party: 'tha', commitment: 'THA-P1', assessor: 'independent', narrative: 'ยังไม่เริ่ม: no plan has been published yet.' });
    expect(p.changes[0]!.input.evidence[1]).toEqual({ url: published.evidence[1]!.url, title: published.evidence[1]!.title, publisher: 'Bangkok Post', date: '2025-11-05', grade: 'media' });
    expect(p).toMatchObject({ unchanged: 1, empty: 2 });
  });

  it('gives the same digest for the same file and plan, another for another edit', () => {
    const a = edit(exported(), 'BJS-2', 'self_reported', 'status', 'substantial');
    const b = edit(exported(), 'BJS-2', 'self_reported', 'status', 'complete');
    expect(plan(a).digest).toBe(plan(a).digest);
    expect(plan(a).digest).not.toBe(plan(b).digest);
  });
});

describe('per-row errors, with the row and column at fault', () => {
  const one = (column: string, value: string, code = 'BJS-2', assessor = 'self_reported') => plan(edit(exported(), code, assessor, column, value));

  it('unknown commitment code, a commitment that does not apply, unknown party', () => {
    expect(errorsAt(one('commitment', 'BJS-99'))).toEqual([{ row: 4, column: 'commitment' }]);
    expect(one('commitment', 'BJS-99').errors[0]!.message).toContain('unknown commitment code "BJS-99"');
    expect(one('commitment', 'UNCC-1').errors[0]!.message).toBe('UNCC-1 does not apply to THA');
    expect(one('party', 'XYZ').errors[0]).toMatchObject({ row: 4, column: 'party', message: 'unknown party code "XYZ"' });
  });

  it('bad status, bad assessor, bad dates', () => {
    expect(one('status', 'finished').errors).toEqual([{ row: 4, column: 'status', message: expect.stringContaining('unknown status "finished"') }]);
    expect(errorsAt(one('assessor', 'self'))).toEqual([{ row: 4, column: 'assessor' }]);
    expect(one('as_of', '15/01/2026').errors).toEqual([{ row: 4, column: 'as_of', message: 'The “as of” date must be a date such as 2026-01-31. The cell holds "15/01/2026".' }]);
    expect(one('evidence_1_date', '2026-02-30').errors).toEqual([{ row: 4, column: 'evidence_1_date', message: 'The evidence date must be a date such as 2026-01-31. The cell holds "2026-02-30".' }]);
  });

  it('missing evidence URL, no evidence at all, a URL that is not a web address', () => {
    expect(one('evidence_1_url', '').errors[0]).toMatchObject({ row: 4, column: 'evidence_1_url', message: expect.stringContaining('missing evidence URL') });
    let text = exported();
    for (const f of ['url', 'title', 'publisher', 'date', 'grade']) text = edit(text, 'BJS-2', 'self_reported', `evidence_1_${f}`, '');
    expect(plan(text).errors).toEqual([{ row: 4, column: 'evidence_1_url', message: 'Add at least one piece of evidence: its web address, title, publisher and grade.' }]);
    expect(errorsAt(one('evidence_1_url', 'javascript:alert(1)'))).toEqual([{ row: 4, column: 'evidence_1_url' }]);
  });

  it('the assessor follows from the role: an editor may not change an independent row, an analyst not a self-reported one', () => {
    const independentEdit = edit(exported(), 'BJS-2', 'independent', 'status', 'complete');
    const byEditor = plan(independentEdit);
    expect(byEditor.changes).toEqual([]);
    expect(byEditor.errors).toEqual([{ row: expect.any(Number), column: 'assessor', message: expect.stringContaining("independent assessments are written by the secretariat's analysts") }]);
    const analyst: Actor = { id: 'a1', roles: ['analyst'], parties: [] };
    const newIndependent = edit(edit(edit(edit(edit(edit(edit(exported(), 'THA-P1', 'independent', 'status', 'limited'), 'THA-P1', 'independent', 'as_of', '2026-02-01'), 'THA-P1', 'independent', 'narrative', 'An independent reading of the pledge.'), 'THA-P1', 'independent', 'evidence_1_url', 'https://example.org/r'), 'THA-P1', 'independent', 'evidence_1_title', 'A report'), 'THA-P1', 'independent', 'evidence_1_publisher', 'An NGO'), 'THA-P1', 'independent', 'evidence_1_grade', 'other');
    const byAnalyst = plan(newIndependent, analyst);
    expect(byAnalyst.errors).toEqual([]);
    expect(byAnalyst.changes).toMatchObject([{ kind: 'create', input: { assessor: 'independent', commitment: 'THA-P1' } }]);
    // The same file's unchanged self-reported rows pass; an edited one is refused.
    const selfEdit = plan(edit(exported(), 'BJS-2', 'self_reported', 'status', 'substantial'), analyst);
    expect(selfEdit.errors).toEqual([{ row: expect.any(Number), column: 'assessor', message: expect.stringContaining("self-reported assessments are written by the party's own editors") }]);
  });

  it('a party outside the editor\'s scope, and any row at all for a viewer', () => {
    const p = one('party', 'NPL');
    expect(p.errors).toEqual([{ row: 4, column: 'party', message: expect.stringContaining('party NPL is out of your scope') }]);
    expect(p.outOfScope).toEqual(['NPL']);
    const viewer = plan(exported(), { id: 'v', roles: ['viewer'], parties: [] });
    expect(viewer.errorCount).toBe(6);
    expect(viewer.changes).toEqual([]);
  });

  it('oversized text and text with control characters', () => {
    expect(one('narrative', 'x'.repeat(MAX_CELL_LENGTH + 1)).errors[0]).toMatchObject({ row: 4, column: 'narrative', message: expect.stringContaining('oversized text') });
    expect(one('narrative', 'y'.repeat(4001)).errors[0]).toMatchObject({ column: 'narrative', message: 'Shorten the English narrative to at most 4,000 characters.' });
    expect(one('narrative', 'bell \u0007 inside the narrative').errors[0]).toMatchObject({ column: 'narrative', message: expect.stringContaining('invisible control character') });
  });

  it('duplicate rows: the same commitment and assessor twice, or the same assessment twice', () => {
    const rows = records(exported());
    rows.push([...rows[3]!]);
    const p = plan(write(rows));
    expect(p.errors).toEqual([
      { row: 8, column: 'commitment', message: 'duplicate row: row 4 already has THA BJS-2 self_reported' },
      { row: 8, column: 'assessment_id', message: 'duplicate row: row 4 already edits assessment 11' },
    ]);
  });

  it('stale rows: an older version, an assessment no longer current, a new assessment recorded since the export', () => {
    const edited = edit(exported(), 'BJS-2', 'self_reported', 'status', 'complete');
    const stale = planImport(parseImportCsv(edited), edited, context(editor, [published, { ...draft, version: 3 }, submitted]));
    expect(stale.errors).toEqual([{ row: 4, column: 'version', message: expect.stringContaining('stale version: assessment 11 is now version 3 (you edited version 2)') }]);
    // Unchanged rows are fine however old their version is: nothing is written for them.
    const untouched = planImport(parseImportCsv(exported()), exported(), context(editor, [published, { ...draft, version: 3 }, submitted]));
    expect(untouched.errors).toEqual([]);
    const superseded = planImport(parseImportCsv(exported()), exported(), context(editor, [{ ...published, id: 30, version: 1 }, draft, submitted], [published]));
    expect(superseded.errors).toEqual([{ row: 2, column: 'assessment_id', message: expect.stringContaining('stale row: assessment 10 is no longer the current one') }]);
    const newer = planImport(parseImportCsv(exported()), exported(), context(editor, [published, draft, submitted, { ...draft, id: 40, commitmentCode: 'THA-P1' }]));
    expect(newer.errors).toEqual([{ row: 6, column: 'assessment_id', message: expect.stringContaining('stale row: assessment 40 (draft)') }]);
  });

  it('an assessment in review cannot be edited; an id of another party or commitment is refused', () => {
    expect(one('status', 'complete', 'BJS-1', 'independent').errors[0]).toMatchObject({ row: 3, column: 'assessment_id', message: expect.stringContaining('in review') });
    expect(one('assessment_id', '20').errors[0]).toMatchObject({ column: 'assessment_id', message: 'there is no assessment 20 for THA' });
    expect(one('assessment_id', '5').errors[0]).toMatchObject({ column: 'assessment_id', message: expect.stringContaining('assessment 5 is for BJS-1') });
    expect(errorsAt(one('assessment_id', 'abc'))).toEqual([{ row: 4, column: 'assessment_id' }]);
    expect(errorsAt(one('version', ''))).toEqual([{ row: 4, column: 'version' }]);
  });

  it('counts rows as a spreadsheet does, multi-line cells included', () => {
    // Row 2 holds a two-line narrative; an error two records later is on spreadsheet row 4.
    expect(one('status', 'nope').errors[0]!.row).toBe(4);
    const lines = exported().split(/\r?\n/);
    expect(lines.findIndex((line) => line.startsWith('11,2,draft,THA,BJS-2,')) + 1).toBe(5);
  });
});

describe('the dry run in the page’s language', () => {
  const thai = (text: string) => planImport(parseImportCsv(text, 'th'), text, context(), 'th');
  const one = (column: string, value: string, code = 'BJS-2') => thai(edit(exported(), code, 'self_reported', column, value));

  it('says each row’s problem in Thai, with the codes and values as the file has them', () => {
    expect(one('party', 'XYZ').errors[0]).toMatchObject({ row: 4, column: 'party', message: 'ไม่รู้จักรหัสภาคี “XYZ”' });
    expect(one('commitment', 'UNCC-1').errors[0]!.message).toBe('UNCC-1 ไม่ใช้กับ THA');
    expect(one('assessor', 'self').errors[0]!.message).toBe('ไม่รู้จักผู้ประเมิน “self” โปรดใช้ self_reported หรือ independent');
    expect(one('as_of', '15/01/2026').errors[0]!.message).toBe('วันที่ “ณ วันที่” ต้องเป็นวันที่ เช่น 2026-01-31 ในเซลล์มีค่า “15/01/2026”');
    expect(one('status', 'finished').errors[0]!.message).toMatch(/^ไม่รู้จักสถานะ “finished” โปรดใช้ค่าใดค่าหนึ่งต่อไปนี้: no_evidence, /);
  });

  it('says what is wrong with the file itself in Thai', () => {
    expect(parseImportCsv('', 'th').errors).toEqual([{ row: 0, column: null, message: 'ไฟล์ว่างเปล่า' }]);
    const rows = records(exported());
    const header = rows[0]!;
    const withoutStatus = rows.map((r) => r.filter((_, i) => i !== header.indexOf('status')));
    expect(parseImportCsv(write(withoutStatus), 'th').errors).toEqual([{ row: 1, column: 'status', message: 'ไม่มีคอลัมน์ “status”' }]);
  });
});

describe('files that cannot be read', () => {
  it('names a missing or unknown column in the header (row 1)', () => {
    const rows = records(exported());
    const header = rows[0]!;
    const withoutStatus = rows.map((r) => r.filter((_, i) => i !== header.indexOf('status')));
    expect(parseImportCsv(write(withoutStatus)).errors).toEqual([{ row: 1, column: 'status', message: 'the column "status" is missing' }]);
    rows[0] = [...header.slice(0, -1), 'colour'];
    expect(parseImportCsv(write(rows)).errors).toEqual([{ row: 1, column: 'colour', message: 'unknown column "colour"' }]);
  });

  it('says where the quoting breaks, and refuses empty, binary and semicolon files', () => {
    const broken = 'party,commitment,assessor,status,as_of,narrative\r\nTHA,BJS-1,self_reported,limited,2026-01-01,"never closed\r\n';
    expect(parseImportCsv(broken).errors[0]).toMatchObject({ row: 2, message: expect.stringContaining('cannot be read as CSV near row 2') });
    expect(parseImportCsv('').errors[0]!.message).toBe('the file is empty');
    expect(parseImportCsv('\uFEFF\r\n').errors[0]!.message).toBe('the file is empty');
    expect(parseImportCsv('a\u0000b').errors[0]!.message).toContain('NUL');
    expect(parseImportCsv('party;commitment;assessor\r\n').errors[0]!.message).toContain('semicolons');
    expect(decodeUtf8(new Uint8Array([0xff, 0xfe, 0x41]))).toBeNull();
    expect(decodeUtf8(new TextEncoder().encode('\uFEFFไทย'))).toBe('ไทย');
  });

  it('never throws: a plan is always a list of errors or of changes', () => {
    for (const junk of ['"', ',,,\r\n,,,', '\uFEFF"a""', 'party\r\n"x', 'party,commitment,assessor,status,as_of,narrative\r\n,,,,,,,,,,x']) {
      const p = plan(junk);
      expect(p.errorCount).toBeGreaterThan(0);
      expect(p.errors.every((e) => Number.isInteger(e.row) && typeof e.message === 'string')).toBe(true);
    }
  });
});
