/** Formatting shared by the chart islands (runs in the browser; no server imports). */

/** A 0..1 fraction as a whole percentage in the page's language. */
export function percent(lang: string, value: number): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A count in the page's language. */
export function count(lang: string, value: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}
