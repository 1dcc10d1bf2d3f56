/** Formatting shared by the chart islands (runs in the browser; no server imports). */

/** A 0..1 fraction as a whole percentage in the page's language. */
export function percent(lang: string, value: number): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

/** A count in the page's language (compact for large values: 1.4M). */
export function count(lang: string, value: number): string {
  const compact = Math.abs(value) >= 100_000;
  return new Intl.NumberFormat(lang, compact ? { notation: 'compact', maximumFractionDigits: 2 } : { maximumFractionDigits: 0 }).format(value);
}
