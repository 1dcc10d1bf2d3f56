/**
 * The one check every text input passes (sign-in, forms, the JSON API, the CSV import):
 * no control characters (tab, line feed and carriage return excepted) and no lone UTF-16
 * surrogates. A NUL cuts the text short in the database driver, and a lone surrogate is
 * stored as U+FFFD while the audit log recorded it escaped: both are refused, never cleaned.
 */

/** C0 controls but tab, LF and CR; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether the text holds a control character other than tab, LF and CR. */
export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** Whether the text holds a lone UTF-16 surrogate. */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** Why a text is refused, or null when it is acceptable. */
export function unsafeTextReason(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `contains a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
  if (LONE_SURROGATE.test(value)) return 'contains a lone UTF-16 surrogate (not a character)';
  return null;
}

/** The first refused string inside a JSON value or form, with the path of its field, or null. */
export function findUnsafeText(value: unknown, path = ''): { field: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { field: path || 'body', reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, member] of Object.entries(value)) {
      const keyReason = unsafeTextReason(key);
      if (keyReason) return { field: path || 'body', reason: `a field name ${keyReason}` };
      const found = findUnsafeText(member, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** The same check over a posted form's text fields (files are checked by their importer). */
export function findUnsafeFormText(entries: Iterable<[string, unknown]>): { field: string; reason: string } | null {
  for (const [name, value] of entries) {
    const nameReason = unsafeTextReason(name);
    if (nameReason) return { field: 'form', reason: `a field name ${nameReason}` };
    if (typeof value === 'string') {
      const reason = unsafeTextReason(value);
      if (reason) return { field: name, reason };
    }
  }
  return null;
}
