/** CSV for spreadsheets: BOM, CRLF, RFC 4180 quoting, Thai text intact, formulas neutralised. */
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, neutralizeFormula, toCsv } from '../../src/lib/api/csv';

describe('csvCell', () => {
  it('writes empty cells for null and undefined, true/false for booleans, numbers as they are', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(18000000000)).toBe('18000000000');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('leaves a negative number a number: only text can be a formula', () => {
    expect(csvCell(-3)).toBe('-3');
  });

  it('quotes commas, quotes and line breaks (RFC 4180), doubling inner quotes', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvCell('line 1\r\nline 2')).toBe('"line 1\r\nline 2"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('keeps Thai text as it is', () => {
    expect(csvCell('ศูนย์ปฏิบัติการแก้ไขปัญหาอาชญากรรมออนไลน์')).toBe('ศูนย์ปฏิบัติการแก้ไขปัญหาอาชญากรรมออนไลน์');
    expect(csvCell('ไทย, กัมพูชา')).toBe('"ไทย, กัมพูชา"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
  ])('neutralises a formula cell %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('does not touch text that merely contains those characters', () => {
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('e-mail')).toBe('e-mail');
    expect(neutralizeFormula('')).toBe('');
  });
});

describe('toCsv', () => {
  it('starts with a BOM, ends every line with CRLF, and keeps Thai and neutralised cells in place', () => {
    const csv = toCsv(['slug', 'name_th', 'note', 'value'], [
      ['tha', 'ไทย', '=1+1', 3],
      ['npl', 'เนปาล', null, -1.5],
    ]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv).toBe(`${BOM}slug,name_th,note,value\r\ntha,ไทย,'=1+1,3\r\nnpl,เนปาล,,-1.5\r\n`);
    expect(csv.slice(1).split('\r\n')).toHaveLength(4);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('round-trips through an RFC 4180 reader', () => {
    const rows = [['a,b', 'say "x"', 'two\nlines', 'ข้อความ "ไทย"']];
    const csv = toCsv(['c1', 'c2', 'c3', 'c4'], rows);
    expect(parseCsv(csv.slice(1))).toEqual([['c1', 'c2', 'c3', 'c4'], ...rows]);
  });
});

/** A small RFC 4180 reader, enough to check the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}
