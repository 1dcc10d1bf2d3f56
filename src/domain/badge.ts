/**
 * A small SVG badge (label on the left, value on the right), drawn with presentation attributes
 * only: no <style> and no script, so it shows under any policy and inside an <img>. Widths are
 * estimated from the text; the accessible name is the <title>. Pure.
 */
import { escapeXml } from './xml';

export interface BadgeInput {
  label: string;
  value: string;
  /** The full sentence a screen reader announces (and a tooltip shows). */
  title: string;
  /** BCP 47 language of the texts. */
  lang: string;
  /** Background of the value half. */
  valueColor: string;
  /** Text colour on the value half (chosen for contrast with `valueColor`). */
  valueTextColor: string;
}

const HEIGHT = 20;
const PAD = 6;

/** Estimated width of a text in 11px Verdana-like glyphs: Thai vowels and tone marks above and below a consonant take no width. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(ch)) continue;
    if (/[\u0E00-\u0E7F]/.test(ch)) width += 7;
    else if (/[ .,:·ilI1|]/.test(ch)) width += 3.5;
    else if (/[%MWmw]/.test(ch)) width += 10;
    else width += 7;
  }
  return Math.ceil(width);
}

/** The badge as an SVG document. */
export function renderBadge(input: BadgeInput): string {
  const left = textWidth(input.label) + 2 * PAD;
  const right = textWidth(input.value) + 2 * PAD;
  const width = left + right;
  const e = escapeXml;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${HEIGHT}" viewBox="0 0 ${width} ${HEIGHT}" role="img" aria-labelledby="badge-title" xml:lang="${e(input.lang)}" lang="${e(input.lang)}">`,
    `<title id="badge-title">${e(input.title)}</title>`,
    `<rect width="${left}" height="${HEIGHT}" fill="#1d3557"/>`,
    `<rect x="${left}" width="${right}" height="${HEIGHT}" fill="${e(input.valueColor)}"/>`,
    `<g font-family="Verdana,'DejaVu Sans','Noto Sans Thai',sans-serif" font-size="11" text-anchor="middle">`,
    `<text x="${left / 2}" y="14" fill="#ffffff">${e(input.label)}</text>`,
    `<text x="${left + right / 2}" y="14" fill="${e(input.valueTextColor)}">${e(input.value)}</text>`,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}
