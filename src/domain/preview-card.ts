/**
 * The link-preview image of a party's scorecard as SVG (1200 × 630, the size Open Graph and
 * Twitter cards show): the site's name, the party's name, its headline score with a bar, and
 * the coverage. Presentation attributes only; every text escaped. Pure.
 */
import { escapeXml } from './xml';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

export interface PreviewCardInput {
  siteName: string;
  partyName: string;
  /** "Overall score" in the reader's language. */
  scoreLabel: string;
  /** The formatted score, or the "not rated" words. */
  scoreText: string;
  /** 0..1, or null when not rated. */
  score: number | null;
  coverageText: string;
  asOfText: string;
  /** BCP 47 language of the texts. */
  lang: string;
  /** The font family names to draw with, in order. */
  fontFamily: string;
}

/** Cuts a name that would not fit on one line (by characters; Thai marks above and below take no width). */
function fitName(name: string, maxWidthUnits: number): { text: string; size: number } {
  const units = [...name].filter((ch) => !/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(ch)).length;
  if (units <= maxWidthUnits) return { text: name, size: 72 };
  if (units <= maxWidthUnits * 1.5) return { text: name, size: 48 };
  return { text: `${[...name].slice(0, Math.floor(maxWidthUnits * 1.5) - 1).join('')}…`, size: 48 };
}

/** The card as an SVG document. */
export function renderPreviewCard(input: PreviewCardInput): string {
  const { text: name, size } = fitName(input.partyName, 26);
  const barWidth = 1040;
  const filled = input.score === null ? 0 : Math.round(Math.max(0, Math.min(1, input.score)) * barWidth);
  const e = escapeXml;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" viewBox="0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}" xml:lang="${e(input.lang)}" font-family="${e(input.fontFamily)}">`,
    `<title>${e(`${input.partyName}: ${input.scoreLabel} ${input.scoreText}, ${input.coverageText}`)}</title>`,
    `<rect width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}" fill="#ffffff"/>`,
    `<rect width="${PREVIEW_WIDTH}" height="96" fill="#0b3d62"/>`,
    `<text x="80" y="62" font-size="34" font-weight="700" fill="#ffffff">${e(input.siteName)}</text>`,
    `<text x="80" y="210" font-size="${size}" font-weight="700" fill="#102a43">${e(name)}</text>`,
    `<text x="80" y="300" font-size="36" fill="#486581">${e(input.scoreLabel)}</text>`,
    `<text x="80" y="400" font-size="96" font-weight="700" fill="#0b5cad">${e(input.scoreText)}</text>`,
    `<rect x="80" y="440" width="${barWidth}" height="28" rx="14" fill="#e4e7eb"/>`,
    filled > 0 ? `<rect x="80" y="440" width="${filled}" height="28" rx="14" fill="#0b5cad"/>` : '',
    `<text x="80" y="530" font-size="34" fill="#334e68">${e(input.coverageText)}</text>`,
    `<text x="80" y="585" font-size="28" fill="#627d98">${e(input.asOfText)}</text>`,
    '</svg>',
  ].join('');
}
