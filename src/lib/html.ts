/**
 * HTML built as strings, escaped by construction: `html\`<li title="${a}">${b}</li>\`` escapes
 * every interpolated value (text and attribute values alike) unless it is itself the result of
 * `html` (or of `trustedHtml`, for markup made elsewhere, such as a server-drawn SVG). Arrays
 * render their items in order; null, undefined, false and true render nothing. Templates must
 * quote every attribute value with double quotes.
 *
 * Used where a page repeats the same markup hundreds of times (the scorecard's sections): one
 * flat string per section costs the server far less than as many Astro components and chunks.
 */

/** Markup that is safe to insert as it is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What a template may interpolate. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const SPECIAL = /[&<>"']/;
const SPECIAL_ALL = /[&<>"']/g;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIAL_ALL, (c) => ENTITIES[c]!) : text;
}

/** The markup of one interpolated value. */
function markupOf(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return String(value);
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  const parts = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) parts[i] = markupOf(value[i]!);
  return parts.join('');
}

/** The template tag: literal parts as written, every value escaped unless it is `Html`. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  // A template has a handful of parts: concatenation is cheaper than an array here, and every
  // list is joined into a flat string (markupOf), so the result is never a deep rope.
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += markupOf(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Many results as one, without a separator (a flat string, built by one join). */
export function joinHtml(items: readonly HtmlValue[]): Html {
  return new Html(markupOf(items));
}

/** Marks markup made by trusted code (never text from the data) as safe to insert unescaped. */
export function trustedHtml(markup: string): Html {
  return new Html(markup);
}
