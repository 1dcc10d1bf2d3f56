/**
 * The UN Treaty Collection's status table of one treaty, read and compared with the
 * monitor's treaty actions. Pure: no database, no Astro.
 *
 * The UNTC has no API. Its status page per treaty is a table with the columns Participant;
 * Signature; Ratification, Acceptance (A), Approval (AA), Accession (a), Succession (d). Names
 * may carry footnote numbers ("Azerbaijan 3"); dates read `25 Oct 2025`, and the consent
 * column's date may be followed by its marker (`12 Jan 2026 a`). Two forms are read:
 *
 *  - the table as copied from the web page: one participant per line, cells separated by
 *    tabs or by two or more spaces. With tabs an empty cell keeps its place; with spaces it
 *    collapses, so a row with one date is read by its marker: a marker means the consent
 *    column, no marker the signature (a plain ratification always follows a signature; a
 *    state that never signed accedes, `a`). Lines without any date (the page's headings,
 *    "Participant  Signature …") are skipped and reported as such, and so is a participant
 *    whose name is in brackets (one that withdrew: its withdrawal is a footnote, entered by hand).
 *  - XML: every element named `Row` (a CALS table: `<Row><Entry>…</Entry>…</Row>`, the form
 *    of the UN's MTDSG XML as far as we could tell without access to it) or `tr` (`<td>`
 *    cells) is a row of cells read like a line of the text form; and, as a documented shape
 *    of our own, any element holding `<Participant>`, `<Signature>` and `<Ratification>`
 *    children (the last with its marker, e.g. `<Ratification>12 Jan 2026 a</Ratification>`).
 */
import type { ParticipationAction } from './vocabulary';
import { normaliseParticipantName, UNTC_ALIASES } from './untc-aliases';

/** The actions a UNTC status table records; the order in which diffs list them. */
export const UNTC_ACTIONS = ['signature', 'ratification', 'acceptance', 'approval', 'accession', 'succession'] as const satisfies readonly ParticipationAction[];
export type UntcAction = (typeof UNTC_ACTIONS)[number];

/** The marker after a consent date and the action it stands for (none: ratification). */
const MARKERS: Readonly<Record<string, UntcAction>> = { '': 'ratification', A: 'acceptance', AA: 'approval', a: 'accession', d: 'succession' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** One participant's line of the table. */
export interface UntcRow {
  /** Line (text) or row (XML) number, from 1. */
  line: number;
  /** The name as the table gives it, footnote numbers removed. */
  participant: string;
  /** Footnote numbers after the name. */
  footnotes: number[];
  /** ISO date of signature, or null. */
  signature: string | null;
  /** The consent to be bound (ratification, acceptance, approval, accession, succession), or null. */
  consent: { action: Exclude<UntcAction, 'signature'>; date: string } | null;
}

/** What reading a table gave: its rows, lines it could not read, and lines it passed over. */
export interface UntcTable {
  format: 'text' | 'xml';
  rows: UntcRow[];
  /** Rows that look like table rows but have a cell that is not a date. */
  /** Lines that could not be read: the English message, with a stable code and parameters for other languages. */
  errors: { line: number; message: string; code?: string; params?: Record<string, string> }[];
  /** Lines without any date (headings, notes), passed over. */
  skipped: { line: number; text: string }[];
}

/** `25 Oct 2025` (or `25 October 2025`) as `2025-10-25`; null when it is not such a date. */
export function parseUntcDate(text: string): string | null {
  const match = /^(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const month = MONTHS.indexOf(match[2]!.slice(0, 3).toLowerCase());
  if (month < 0) return null;
  const [day, year] = [Number(match[1]), Number(match[3])];
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return null;
  return date.toISOString().slice(0, 10);
}

/** A date cell with its optional marker (` a`, ` A`, ` AA`, ` d`); null when it is not one. */
function parseDateCell(cell: string): { date: string; marker: string } | null {
  const match = /^(.*?\d{4})\s*(AA|A|a|d)?$/.exec(cell.trim());
  if (!match) return null;
  const date = parseUntcDate(match[1]!);
  return date ? { date, marker: match[2] ?? '' } : null;
}

const looksLikeDate = (cell: string) => /\d{4}/.test(cell) && /[A-Za-z]/.test(cell);

/** The name and the footnote numbers after it (`Azerbaijan 3` or `Azerbaijan3, 4`). */
function splitName(cell: string): { participant: string; footnotes: number[] } {
  const match = /^(.*?\D)\s*((?:\d+\s*,?\s*)+)$/u.exec(cell.trim());
  if (!match) return { participant: cell.trim(), footnotes: [] };
  return { participant: match[1]!.trim(), footnotes: match[2]!.split(/[\s,]+/).filter(Boolean).map(Number) };
}

/**
 * One row from its cells. `positional`: the cells keep their columns (tabs, XML), so the
 * second is the signature and the third the consent; otherwise empty cells have collapsed
 * and a single date is placed by its marker.
 */
function readCells(cells: string[], line: number, positional: boolean, table: UntcTable): void {
  const [nameCell = '', ...rest] = cells.map((c) => c.replace(/\s+/g, ' ').trim());
  if (!rest.some(looksLikeDate)) {
    const text = cells.join(' ').replace(/\s+/g, ' ').trim();
    if (text) table.skipped.push({ line, text });
    return;
  }
  if (nameCell.startsWith('[')) {
    // The UNTC prints a participant that withdrew in brackets, the withdrawal in a footnote.
    table.skipped.push({ line, text: `${nameCell}: withdrawn (name in brackets); record the withdrawal by hand` });
    return;
  }
  const { participant, footnotes } = splitName(nameCell);
  if (!participant) {
    table.errors.push({ line, message: 'no participant name before the dates', code: 'untc.noName' });
    return;
  }
  const dateCells = positional ? rest.slice(0, 2) : rest.filter((c) => c !== '');
  if (!positional && dateCells.length > 2) {
    table.errors.push({ line, message: `${participant}: more than two dates (${dateCells.join('; ')})`, code: 'untc.tooManyDates', params: { participant, dates: dateCells.join('; ') } });
    return;
  }
  const parsed = dateCells.map((cell) => (cell === '' ? null : parseDateCell(cell)));
  const bad = dateCells.find((cell, i) => cell !== '' && parsed[i] === null);
  if (bad !== undefined) {
    table.errors.push({ line, message: `${participant}: "${bad}" is not a date like 25 Oct 2025 (with an optional marker a, A, AA or d)`, code: 'untc.badDate', params: { participant, value: bad } });
    return;
  }
  let signature: { date: string; marker: string } | null = null;
  let consent: { date: string; marker: string } | null = null;
  if (positional || parsed.length === 2) [signature = null, consent = null] = parsed;
  else if (parsed[0]!.marker) consent = parsed[0]!;
  else signature = parsed[0]!;
  if (signature?.marker) {
    table.errors.push({ line, message: `${participant}: the signature date has a marker "${signature.marker}"; markers belong to the last column`, code: 'untc.signatureMarker', params: { participant, marker: signature.marker } });
    return;
  }
  table.rows.push({
    line,
    participant,
    footnotes,
    signature: signature?.date ?? null,
    consent: consent ? { action: MARKERS[consent.marker] as Exclude<UntcAction, 'signature'>, date: consent.date } : null,
  });
}

/** Reads the table as copied from the web page (tab- or multi-space-separated). */
export function parseUntcText(text: string): UntcTable {
  const table: UntcTable = { format: 'text', rows: [], errors: [], skipped: [] };
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = raw.replace(/\u00a0/g, ' ').replace(/\s+$/, '');
    if (!line.trim()) return;
    const tabbed = line.includes('\t');
    const cells = tabbed ? line.split('\t') : line.trim().split(/ {2,}/);
    readCells(cells, index + 1, tabbed, table);
  });
  return table;
}

/** A very small XML reader: elements with their children and text, enough for a table. */
interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/** Parses XML into a tree (names lower-cased, namespaces dropped); throws on unbalanced tags. */
function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', children: [], text: '' };
  const stack = [root];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '');
  const tokens = /<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)(\/?)>|([^<]+)/g;
  for (let match = tokens.exec(body); match; match = tokens.exec(body)) {
    const top = stack.at(-1)!;
    if (match[1] !== undefined) top.text += match[1];
    else if (match[6] !== undefined) top.text += decodeEntities(match[6]);
    else {
      const name = match[3]!.replace(/^.*:/, '').toLowerCase();
      if (match[2]) {
        if (top.name !== name) throw new Error(`the XML closes <${name}> where <${top.name}> is open`);
        stack.pop();
        stack.at(-1)!.text += ` ${top.text} `;
      } else {
        const node: XmlNode = { name, children: [], text: '' };
        top.children.push(node);
        // <sup>3</sup> after a name is a footnote: keep it apart from the name by a space.
        if (!match[5]) stack.push(node);
      }
    }
  }
  if (stack.length > 1) throw new Error(`the XML ends with <${stack.at(-1)!.name}> still open`);
  return root;
}

/** Every node, depth first. */
function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** Reads the UN's XML (CALS `Row`/`Entry` or HTML `tr`/`td` tables) or the documented `<Participant>` shape. */
export function parseUntcXml(xml: string): UntcTable {
  const table: UntcTable = { format: 'xml', rows: [], errors: [], skipped: [] };
  let tree: XmlNode;
  try {
    tree = parseXml(xml);
  } catch (error) {
    table.errors.push({ line: 0, message: (error as Error).message });
    return table;
  }
  let n = 0;
  for (const node of walk(tree)) {
    const cellName = node.name === 'row' ? 'entry' : node.name === 'tr' ? 'td' : null;
    const named = (name: string) => node.children.find((c) => c.name === name);
    const cells = cellName ? node.children.filter((c) => c.name === cellName || (cellName === 'td' && c.name === 'th')) : [];
    if (cells.length) {
      readCells(cells.map((c) => c.text), ++n, true, table);
    } else if (named('participant')) {
      const consent = named('ratification') ?? named('consent');
      readCells([named('participant')!.text, named('signature')?.text ?? '', consent?.text ?? ''], ++n, true, table);
    }
  }
  if (n === 0) table.errors.push({ line: 0, message: 'no table rows found: expected <Row>/<Entry>, <tr>/<td> or <Participant> elements', code: 'untc.noXmlRows' });
  return table;
}

/** Reads either form: XML when the text starts with `<`, else the copied table. */
export function parseUntcStatus(text: string): UntcTable {
  const body = text.replace(/^\uFEFF/, '');
  return body.trimStart().startsWith('<') ? parseUntcXml(body) : parseUntcText(body);
}

/** A party as matching needs it. */
export interface MatchableParty {
  slug: string;
  nameEn: string;
  iso3: string | null;
}

/** Finds the party a UN participant name stands for: by alias, English name or ISO code, after normalisation. */
export function createParticipantMatcher(parties: readonly MatchableParty[]): (name: string) => string | null {
  const index = new Map<string, string>();
  const known = new Set(parties.map((p) => p.slug));
  for (const [slug, aliases] of Object.entries(UNTC_ALIASES)) {
    if (known.has(slug)) for (const alias of aliases) index.set(normaliseParticipantName(alias), slug);
  }
  for (const party of parties) {
    index.set(normaliseParticipantName(party.nameEn), party.slug);
    if (party.iso3) index.set(party.iso3.toLowerCase(), party.slug);
  }
  return (name) => index.get(normaliseParticipantName(name)) ?? null;
}

/** How a table's fact compares with the database. */
export const UNTC_CHANGES = ['added', 'changed', 'missing', 'unknown_party'] as const;
export type UntcChange = (typeof UNTC_CHANGES)[number];

/**
 * One difference, in the shape `--json` prints: `party` is the party's slug, or for
 * `unknown_party` the name as the table gives it; `date` is the table's date (for `missing`,
 * the database's, null when it has none).
 */
export interface UntcDiffEntry {
  party: string;
  action: UntcAction;
  date: string | null;
  change: UntcChange;
}

/** A difference with what the screens show besides: the UN's name, the stored date. */
export interface UntcDiffDetail extends UntcDiffEntry {
  participant: string | null;
  previousDate: string | null;
}

/** A treaty action the database holds for the instrument. */
export interface StoredAction {
  partySlug: string;
  action: string;
  actedOn: string | null;
}

const ORDER = (entry: UntcDiffEntry) => `${UNTC_CHANGES.indexOf(entry.change)}|${entry.party}|${UNTC_ACTIONS.indexOf(entry.action)}`;

/**
 * The differences between a status table and the database's actions for the same treaty:
 * `added` (in the table, not stored), `changed` (stored with another date, or none),
 * `missing` (stored, not in the table) and `unknown_party` (a name no party matches; one
 * entry per action on its line). Actions the table does not record (withdrawal, membership)
 * are not compared. Sorted by change, party, action.
 */
export function diffUntcStatus(table: UntcTable, stored: readonly StoredAction[], match: (name: string) => string | null): UntcDiffDetail[] {
  const tracked = new Set<string>(UNTC_ACTIONS);
  const byKey = new Map(stored.filter((s) => tracked.has(s.action)).map((s) => [`${s.partySlug}|${s.action}`, s]));
  const seen = new Set<string>();
  const out: UntcDiffDetail[] = [];
  for (const row of table.rows) {
    const facts: { action: UntcAction; date: string }[] = [];
    if (row.signature) facts.push({ action: 'signature', date: row.signature });
    if (row.consent) facts.push(row.consent);
    const slug = match(row.participant);
    for (const fact of facts) {
      if (!slug) {
        out.push({ party: row.participant, action: fact.action, date: fact.date, change: 'unknown_party', participant: row.participant, previousDate: null });
        continue;
      }
      const key = `${slug}|${fact.action}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = byKey.get(key);
      if (!existing) out.push({ party: slug, action: fact.action, date: fact.date, change: 'added', participant: row.participant, previousDate: null });
      else if (existing.actedOn !== fact.date) out.push({ party: slug, action: fact.action, date: fact.date, change: 'changed', participant: row.participant, previousDate: existing.actedOn });
    }
  }
  for (const [key, existing] of byKey) {
    if (!seen.has(key)) out.push({ party: existing.partySlug, action: existing.action as UntcAction, date: existing.actedOn, change: 'missing', participant: null, previousDate: existing.actedOn });
  }
  return out.sort((a, b) => (ORDER(a) < ORDER(b) ? -1 : ORDER(a) > ORDER(b) ? 1 : 0));
}

/** The entries as `--json` prints them: exactly `party`, `action`, `date`, `change`. */
export function toDiffJson(entries: readonly UntcDiffEntry[]): UntcDiffEntry[] {
  return entries.map(({ party, action, date, change }) => ({ party, action, date, change }));
}

/** How many entries of each change. */
export function countDiff(entries: readonly UntcDiffEntry[]): Record<UntcChange, number> {
  const counts: Record<UntcChange, number> = { added: 0, changed: 0, missing: 0, unknown_party: 0 };
  for (const entry of entries) counts[entry.change] += 1;
  return counts;
}
