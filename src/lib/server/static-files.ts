/**
 * The build's static files (`dist/client`: the hashed assets under `/_astro/` and the favicons),
 * served by src/server.ts ahead of Astro.
 *
 * Astro's Node adapter in standalone mode looks for a file of the request's name on disk before
 * every dynamic request (an `lstat` and a `stat` that fails): about a third of a millisecond of
 * CPU on every page render, spent to find nothing. The adapter runs in middleware mode instead
 * (astro.config.mjs), and this module claims only the paths whose first segment names an entry
 * of the client folder, read once at start (a build's static files never change under a
 * running server: `npm start` builds into a new folder, src/start.ts). Everything else goes
 * straight to Astro.
 *
 * Files are sent by `send` (the library the adapter itself uses), with the adapter's rules:
 * dot-files refused, hashed assets cached for a year as immutable, anything not found (a
 * missing asset, a folder) handed to Astro, which answers its 404 page.
 */
import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import send from 'send';

/** Astro's folder of hashed build assets (`build.assets`, default `_astro`). */
const ASSETS_DIR = '_astro';
/** Hashed assets are sent `public, max-age=31536000, immutable`. */
const ONE_YEAR_MS = 31_536_000_000;

export interface StaticFiles {
  /** Whether `pathname` (the request's path, still percent-encoded) may name a static file. */
  claims(pathname: string): boolean;
  /** Sends the file `pathname` names; `otherwise` answers when there is none (a missing file, a folder). */
  serve(req: IncomingMessage, res: ServerResponse, pathname: string, otherwise: () => void): void;
}

/** The first segment of a percent-encoded path, decoded (null when it does not decode). */
function firstSegment(pathname: string): string | null {
  const end = pathname.indexOf('/', 1);
  const raw = end === -1 ? pathname.slice(1) : pathname.slice(1, end);
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The static files of `clientDir` (an absolute path); a missing folder serves nothing. */
export function staticFiles(clientDir: string): StaticFiles {
  let names: ReadonlySet<string>;
  try {
    names = new Set(readdirSync(clientDir).filter((name) => !name.startsWith('.')));
  } catch {
    names = new Set();
  }
  return {
    claims(pathname) {
      const first = firstSegment(pathname);
      return first !== null && names.has(first);
    },
    serve(req, res, pathname, otherwise) {
      let path: string;
      try {
        path = decodeURI(pathname);
      } catch {
        return otherwise();
      }
      const hashed = firstSegment(pathname) === ASSETS_DIR;
      let found = false;
      send(req, path, { root: clientDir, dotfiles: 'deny', index: false, ...(hashed ? { maxAge: ONE_YEAR_MS, immutable: true } : {}) })
        .on('file', () => {
          found = true;
        })
        .on('directory', () => otherwise())
        .on('error', (error: Error & { status?: number; statusCode?: number }) => {
          // Not there (or not a file): the app answers, with its 404 page. A failure while
          // sending a file that exists is answered here.
          if (!found) return otherwise();
          const status = error.statusCode ?? error.status ?? 500;
          if (res.headersSent) return void res.destroy();
          res.statusCode = status;
          res.end();
        })
        .pipe(res);
    },
  };
}
