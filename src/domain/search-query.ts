/**
 * Reading a search query typed by anyone: which terms to look for, what was left out and why,
 * and the FTS5 expression that looks for them. Pure; no database.
 *
 * Any bytes give a query or a notice, never an FTS5 syntax error: control characters are
 * dropped, each term becomes a quoted phrase (quotes doubled), so operators (AND, NEAR, *, ^,
 * column filters) are only ever text. The trigram index needs three characters per term;
 * shorter terms are left out and said so. Cost is bounded by the limits below.
 */

/** Limits on a query: characters in all, terms, characters per term. */
export const SEARCH_LIMITS = { queryChars: 200, terms: 8, termChars: 64, minTermChars: 3 } as const;

/** Results shown per kind on one page. */
export const SEARCH_PAGE_SIZE = 20;

/** Why part of a query was not used. */
export type SearchNotice = 'truncated' | 'tooManyTerms' | 'termTooLong' | 'termTooShort';

export interface ParsedSearch {
  /** The query as used (control characters dropped, cut to the limit), for the search box. */
  text: string;
  /** The terms searched for, each matched as a substring (all must match). */
  terms: string[];
  notices: SearchNotice[];
  /** Short terms left out (shown back to the reader). */
  shortTerms: string[];
}

// Controls, format characters other than the joiners Thai and other scripts use, and unpaired surrogates.
const UNWANTED = /[\p{Cc}\p{Co}\p{Cn}\u200B\u2028\u2029\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** Code points, not UTF-16 units: a Thai or emoji character counts once. */
const length = (s: string) => [...s].length;
const cut = (s: string, n: number) => [...s].slice(0, n).join('');

/** Splits a raw query into terms under the limits; never throws. */
export function parseSearchQuery(raw: string | null | undefined): ParsedSearch {
  const notices = new Set<SearchNotice>();
  let text = (raw ?? '').normalize('NFC').replace(UNWANTED, ' ').replace(/\s+/gu, ' ').trim();
  if (length(text) > SEARCH_LIMITS.queryChars) {
    text = cut(text, SEARCH_LIMITS.queryChars).trim();
    notices.add('truncated');
  }
  const terms: string[] = [];
  const shortTerms: string[] = [];
  for (const word of text.split(' ')) {
    if (word === '') continue;
    let term = word;
    if (length(term) > SEARCH_LIMITS.termChars) {
      term = cut(term, SEARCH_LIMITS.termChars);
      notices.add('termTooLong');
    }
    if (length(term) < SEARCH_LIMITS.minTermChars) {
      shortTerms.push(term);
      notices.add('termTooShort');
      continue;
    }
    if (terms.some((t) => t.toLowerCase() === term.toLowerCase())) continue;
    if (terms.length === SEARCH_LIMITS.terms) {
      notices.add('tooManyTerms');
      continue;
    }
    terms.push(term);
  }
  return { text, terms, notices: [...notices], shortTerms };
}

/** The FTS5 MATCH expression: every term a quoted phrase, all required. Null when there is nothing to search. */
export function toMatchExpression(terms: readonly string[]): string | null {
  if (terms.length === 0) return null;
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ');
}

/** Marks the database puts around a match in snippets (control characters: dropped from every query, never in the index's matches). */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

/** One piece of a snippet: text, matched or not. Rendered escaped, the match in <mark>. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a marked snippet into parts; stray marks are dropped, so the text can never open an element. */
export function splitSnippet(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let current = '';
  const push = () => {
    if (current === '') return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += current;
    else parts.push({ text: current, match });
    current = '';
  };
  for (const ch of marked) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      push();
      match = ch === MARK_OPEN;
    } else current += ch;
  }
  push();
  return parts;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A snippet as HTML: everything escaped, each match in <mark>. */
export function snippetToHtml(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.match ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/**
 * `text` split into parts with every occurrence of any term marked (case-insensitive); with
 * `maxChars`, cut to a window of about that many characters around the first match, with “…”
 * where text was left out. Used for titles and snippets alike.
 */
export function markTerms(text: string, terms: readonly string[], maxChars?: number): SnippetPart[] {
  const usable = terms.filter((t) => t !== '');
  let source = text;
  if (maxChars !== undefined && [...source].length > maxChars && usable.length > 0) {
    const lower = source.toLowerCase();
    const first = Math.min(...usable.map((t) => lower.indexOf(t.toLowerCase())).filter((i) => i >= 0), source.length);
    const chars = [...source];
    const firstChar = [...source.slice(0, first === source.length ? 0 : first)].length;
    const start = Math.max(0, Math.min(firstChar - Math.floor(maxChars / 3), chars.length - maxChars));
    source = `${start > 0 ? '…' : ''}${chars.slice(start, start + maxChars).join('')}${start + maxChars < chars.length ? '…' : ''}`;
  } else if (maxChars !== undefined && [...source].length > maxChars) {
    source = `${[...source].slice(0, maxChars).join('')}…`;
  }
  if (usable.length === 0) return source === '' ? [] : [{ text: source, match: false }];
  const pattern = new RegExp(usable.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const m of source.matchAll(pattern)) {
    if (m[0] === '') continue;
    if (m.index > at) parts.push({ text: source.slice(at, m.index), match: false });
    parts.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < source.length) parts.push({ text: source.slice(at), match: false });
  return parts;
}
