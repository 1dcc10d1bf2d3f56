/**
 * Renders preview cards (src/domain/preview-card.ts) to PNG with resvg (@resvg/resvg-js, a
 * prebuilt binary inside its npm package). The font is Sarabun (Latin and Thai, SIL OFL),
 * shipped as TTF by @expo-google-fonts/sarabun; resvg reads TTF/OTF only. Without it (a broken
 * install) the system's Thai and Latin fonts are tried, and a card in Thai falls back to the
 * English texts when no Thai font is found at all.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

const PACKAGE_FONTS = ['@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf', '@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf'];
const SYSTEM_THAI_FONTS = ['/usr/share/fonts/truetype/tlwg/Waree.ttf', '/usr/share/fonts/truetype/tlwg/Waree-Bold.ttf', '/usr/share/fonts/truetype/tlwg/Garuda.ttf'];
const SYSTEM_LATIN_FONTS = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf'];

export interface PreviewFonts {
  files: string[];
  /** The family list for the SVG's font-family. */
  family: string;
  /** Whether Thai text can be drawn. */
  thai: boolean;
}

let fonts: PreviewFonts | undefined;

/** The fonts found on this installation (looked up once). */
export function previewFonts(): PreviewFonts {
  if (fonts) return fonts;
  const packaged = PACKAGE_FONTS.flatMap((name) => {
    try {
      const path = require.resolve(name);
      return existsSync(path) ? [path] : [];
    } catch {
      return [];
    }
  });
  if (packaged.length > 0) return (fonts = { files: packaged, family: 'Sarabun', thai: true });
  const thai = SYSTEM_THAI_FONTS.filter((path) => existsSync(path));
  const latin = SYSTEM_LATIN_FONTS.filter((path) => existsSync(path));
  return (fonts = { files: [...latin, ...thai], family: 'DejaVu Sans, Liberation Sans, Waree, Garuda', thai: thai.length > 0 });
}

/**
 * SARA AM (ำ) written as the two signs it is drawn with: NIKHAHIT before any tone mark, then
 * SARA AA (น้ำ → น ํ ้ า), as a Thai shaper decomposes it. resvg's shaper gives Sarabun's
 * precomposed ำ no width, so the next letter was drawn over it ("กำหนด" read "กหนด" with
 * marks on top). Only the image is drawn from this text: the SVG served keeps the original.
 */
export function decomposeSaraAm(text: string): string {
  return text.replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32');
}

/** The SVG drawn at its own size, as pixels (RGBA). */
export function renderImage(svg: string): { width: number; height: number; pixels: Buffer; asPng(): Buffer } {
  const { files, family } = previewFonts();
  const resvg = new Resvg(decomposeSaraAm(svg), { font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: family.split(',')[0]!.trim() }, fitTo: { mode: 'original' } });
  return resvg.render();
}

/** The SVG drawn as PNG at its own size. */
export function renderPng(svg: string): Buffer {
  return renderImage(svg).asPng();
}
