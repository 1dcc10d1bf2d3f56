/** Escaping for XML documents (Atom feeds, SVG badges). */

/**
 * Text safe in XML content and attribute values: the five special characters become
 * entities, and characters XML 1.0 does not allow at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF) are dropped.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
