/**
 * Atom 1.0 documents (RFC 4287), written by hand: the format is small, and every text goes
 * through `escapeXml`, so nothing a user typed can break the document or add markup to it.
 */
import { escapeXml } from './xml';

/** One entry of a feed. Dates are RFC 3339 date-times. */
export interface AtomEntry {
  id: string;
  title: string;
  updated: string;
  published: string;
  link: string;
  authorName: string;
  /** Everyone who wrote the entry, the author first (one `<author>` each); `authorName` alone when absent. */
  authorNames?: string[];
  summary: string;
  categories: { term: string; label: string; scheme: string }[];
}

/** A feed with its entries, newest first. */
export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  /** The latest change of any entry (RFC 4287 requires one even when there is no entry). */
  updated: string;
  selfLink: string;
  alternateLink: string;
  /** BCP 47 language of the feed's text. */
  lang: string;
  authorName: string;
  rights: string;
  entries: AtomEntry[];
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

/** The feed as an XML document. */
export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attr('xml:lang', feed.lang)}>`,
    el('id', feed.id),
    el('title', feed.title, attr('type', 'text')),
    el('subtitle', feed.subtitle, attr('type', 'text')),
    el('updated', feed.updated),
    `<link${attr('rel', 'self')}${attr('type', 'application/atom+xml')}${attr('href', feed.selfLink)}/>`,
    `<link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', feed.alternateLink)}/>`,
    `<author>${el('name', feed.authorName)}</author>`,
    el('rights', feed.rights),
    el('generator', 'Bangkok Joint Statement Monitor'),
  ];
  for (const entry of feed.entries) {
    lines.push(
      '<entry>',
      el('id', entry.id),
      el('title', entry.title, attr('type', 'text')),
      el('updated', entry.updated),
      el('published', entry.published),
      `<link${attr('rel', 'alternate')}${attr('type', 'text/html')}${attr('href', entry.link)}/>`,
      ...(entry.authorNames?.length ? entry.authorNames : [entry.authorName]).map((name) => `<author>${el('name', name)}</author>`),
      ...entry.categories.map((c) => `<category${attr('term', c.term)}${attr('scheme', c.scheme)}${attr('label', c.label)}/>`),
      el('summary', entry.summary, attr('type', 'text')),
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** An RFC 3339 date-time for a stored timestamp (ISO, in UTC) or a bare date (midnight UTC). */
export function toAtomDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? '1970-01-01T00:00:00Z' : parsed.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
