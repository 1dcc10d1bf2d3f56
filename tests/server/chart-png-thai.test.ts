/**
 * Thai in PNG chart downloads (no server needed: the renderer itself). resvg is given
 * Sarabun in regular and bold, and draws SARA AM (ำ) with its width in both, so that a bold
 * Thai title such as "กำหนด" is not drawn with the next letter over the vowel.
 */
import { describe, expect, it } from 'vitest';
import { decomposeSaraAm, previewFonts, renderImage } from '../../src/lib/server/preview-image';

/** Columns from the first to the last with any ink (alpha above zero). */
function inkWidth(svgText: string, weight: 400 | 700): number {
  const { width, height, pixels } = renderImage(
    `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="80"><text x="10" y="50" font-family="${previewFonts().family}" font-size="32" font-weight="${weight}">${svgText}</text></svg>`,
  );
  let first = width;
  let last = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[(y * width + x) * 4 + 3]! > 0) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    }
  }
  return last - first + 1;
}

describe('PNG renderer fonts', () => {
  it('is given the self-hosted Sarabun, regular and bold, which draws Thai', () => {
    const fonts = previewFonts();
    expect(fonts.thai).toBe(true);
    expect(fonts.family).toBe('Sarabun');
    expect(fonts.files.some((file) => /Sarabun_400Regular\.ttf$/.test(file))).toBe(true);
    expect(fonts.files.some((file) => /Sarabun_700Bold\.ttf$/.test(file))).toBe(true);
  });

  it('gives ำ its width in bold and regular: the letter after it is not drawn over it', () => {
    for (const weight of [700, 400] as const) {
      const withAm = inkWidth('กำกำกำกำ', weight);
      const without = inkWidth('กกกก', weight);
      const withAa = inkWidth('กากากากา', weight);
      // ำ is as wide as า (its ring takes no room); drawn with no width, four of them added under one.
      expect(withAm, `weight ${weight}`).toBeGreaterThan(without * 1.5);
      expect(Math.abs(withAm - withAa), `weight ${weight}`).toBeLessThanOrEqual(4);
    }
  });

  it('moves NIKHAHIT before a tone mark and keeps every other text as it is', () => {
    expect(decomposeSaraAm('น้ำ')).toBe('น\u0E4D\u0E49\u0E32');
    expect(decomposeSaraAm('กำหนด')).toBe('ก\u0E4D\u0E32หนด');
    expect(decomposeSaraAm('ความคืบหน้า <tspan font-weight="700">Thailand</tspan>')).toBe('ความคืบหน้า <tspan font-weight="700">Thailand</tspan>');
  });
});
