/**
 * A score drawn as a bar in a table cell, on screen and in print: 0 to 100% of the cell in the
 * score's colour (a score of 0 keeps a 2 px mark, set in the style sheet), or, where nothing is
 * rated, a hatched band that cannot be read as 0%. Decorative: the number is written beside it.
 */
import { scoreColor } from '../../colors';
import { html, type Html } from '../../html';

/** The bar of `score` (0..1), or the hatched band when it is null. */
export function scoreBar(score: number | null): Html {
  if (score === null) return html`<span class="meter meter-none" aria-hidden="true"></span>`;
  // Whole percentages, as the number beside it is written.
  return html`<span class="meter" aria-hidden="true"><span style="width:${Math.round(Math.min(1, Math.max(0, score)) * 100)}%;background:${scoreColor(score)}"></span></span>`;
}
