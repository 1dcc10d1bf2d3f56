/**
 * The two web-font faces every Thai page uses (Sarabun's Thai subset, 400 and 700, 20 KB; their
 * @font-face rules are in global.css), and how a Thai page asks for them before its HTML is read.
 *
 * A face that arrives after the page's first layout makes the browser lay the page out twice:
 * once with a system fallback for every Thai character (one font request to the browser process
 * per character not seen yet), once more in Sarabun. The `<link rel="preload">` in the page's
 * head is found only when the parser (or its preload scanner) reaches it; a `Link` response
 * header is acted on when the response arrives, before any byte of the body is parsed.
 */
import sarabunThai400 from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff2?url';
import sarabunThai700 from '@fontsource/sarabun/files/sarabun-thai-700-normal.woff2?url';

/** The faces' built addresses (hashed file names under /_astro/). */
export const THAI_FONT_URLS: readonly string[] = [sarabunThai400, sarabunThai700];

/** The `Link` header value that preloads the faces (anonymous CORS, as @font-face fetches them). */
export const THAI_FONT_PRELOAD_HEADER = THAI_FONT_URLS.map((url) => `<${url}>; rel=preload; as=font; type="font/woff2"; crossorigin`).join(', ');

/** True for an HTML answer in Thai: every such page sets its Thai text in these faces. */
export function needsThaiFonts(locale: string, response: Response): boolean {
  return locale === 'th' && response.status === 200 && /^text\/html\b/i.test(response.headers.get('content-type') ?? '');
}
