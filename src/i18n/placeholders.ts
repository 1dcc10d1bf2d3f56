/**
 * A translated string split at its `{name}` placeholders, for a page that puts markup (a link,
 * a code span) in their place: `'send {header}.'` → `['send ', { name: 'header' }, '.']`.
 */
export function placeholderParts(text: string): (string | { name: string })[] {
  return text
    .split(/(\{\w+\})/)
    .filter((part) => part !== '')
    .map((part) => (/^\{\w+\}$/.test(part) ? { name: part.slice(1, -1) } : part));
}
