/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Thai text as UTF-8),
 * CRLF line ends and RFC 4180 quoting. Text that a spreadsheet would run as a formula (a
 * cell starting with = + - @ | %, their full-width forms (＝ ＋ － ＠ ｜ ％), a tab or a
 * carriage return) gets a leading apostrophe.
 */

/** The UTF-8 byte-order mark. */
export const BOM = '\uFEFF';

/** A cell value as the database gives it. */
export type CsvValue = string | number | boolean | null | undefined;

/** A text a spreadsheet would run as a formula: its first character (ASCII or full-width). */
export const FORMULA_START = /^[=+\-@|%\t\r\uFF1D\uFF0B\uFF0D\uFF20\uFF5C\uFF05]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Neutralises a text cell a spreadsheet would read as a formula. Only text is touched: a
 * number column holds numbers, which a spreadsheet never runs, so `-3` stays a number.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: empty for null, `true`/`false`, numbers as written, text neutralised and quoted when it must be. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, a header row, one line per row, each line ended by CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map((name) => csvCell(name)).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
