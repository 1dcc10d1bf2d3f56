/**
 * The site's one colour scale, shared by server-drawn SVG, chart islands and CSS (which
 * repeats the status colours as custom properties in global.css). Sequential, taken from
 * viridis (yellow → green → teal → indigo), which stays ordered and distinct under the
 * common colour-vision deficiencies and in greyscale print; colour is never the only cue
 * (every status is also written out).
 */
import type { Status } from '../domain/vocabulary';

export const STATUS_COLORS: Record<Status, string> = {
  no_evidence: '#e5e7eb',
  not_started: '#fde725',
  limited: '#7ad151',
  substantial: '#22a884',
  complete: '#3b528b',
  not_applicable: '#f4f6f9',
};

/** Colour for a party with no score (not rated, or not a party). */
export const NO_SCORE_COLOR = '#e5e7eb';

const STOPS: [number, [number, number, number]][] = [
  [0, [0xfd, 0xe7, 0x25]],
  [1 / 3, [0x7a, 0xd1, 0x51]],
  [2 / 3, [0x22, 0xa8, 0x84]],
  [1, [0x3b, 0x52, 0x8b]],
];

/** Colour for a score from 0 to 1 on the status scale (null: no score). */
export function scoreColor(score: number | null): string {
  if (score === null || Number.isNaN(score)) return NO_SCORE_COLOR;
  const s = Math.min(1, Math.max(0, score));
  for (let i = 1; i < STOPS.length; i++) {
    const [x1, c1] = STOPS[i]!;
    const [x0, c0] = STOPS[i - 1]!;
    if (s <= x1) {
      const f = (s - x0) / (x1 - x0);
      const mix = c0.map((v, k) => Math.round(v + (c1[k]! - v) * f));
      return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }
  }
  return '#3b528b';
}

/**
 * Colours of series over time (Okabe–Ito, distinct under the common colour-vision deficiencies,
 * each at least 3:1 against white as a line on the page).
 */
export const SERIES_COLORS = {
  signatures: '#0072b2',
  domesticSteps: '#d55e00',
  deposits: '#009e73',
  indicator: '#3b528b',
} as const;
