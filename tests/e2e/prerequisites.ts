/**
 * What the browser suite needs from the machine, checked before it starts: Debian's Chromium
 * (it cannot run without it) and a font with Thai glyphs (without one, Thai pages render as
 * empty boxes in the screenshots, though no test fails). Never Playwright's own download.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The one command that installs both, as CI does (.ci/run). */
export const APT_INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium fonts-thai-tlwg';

export interface Prerequisites {
  /** The Chromium binary the suite launches (CHROMIUM_PATH, default /usr/bin/chromium). */
  chromiumPath: string;
  chromium: boolean;
  /** Whether fontconfig knows a font covering Thai (`fc-list :lang=th`). */
  thaiFont: boolean;
}

/** Looks at the machine. */
export function detectPrerequisites(chromiumPath: string): Prerequisites {
  let thaiFont = false;
  try {
    thaiFont = execFileSync('fc-list', [':lang=th', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    // no fontconfig: no font Chromium could use either
  }
  return { chromiumPath, chromium: existsSync(chromiumPath), thaiFont };
}

/**
 * What to tell the person running the suite: `error` stops the suite (no Chromium), `warning`
 * does not (no Thai font); each names what is missing and the exact command that installs it.
 */
export function describeMissing(found: Prerequisites): { error: string | null; warning: string | null } {
  const install = `Install with: ${APT_INSTALL_COMMAND}`;
  return {
    error: found.chromium
      ? null
      : `The browser suite needs Debian's Chromium, not found at ${found.chromiumPath}. ${install} ` +
        '(or set CHROMIUM_PATH to another Chromium binary; never run `playwright install`).',
    warning: found.thaiFont
      ? null
      : `No font with Thai glyphs is installed (\`fc-list :lang=th\` is empty): Thai pages will show empty boxes in the screenshots. ${install}`,
  };
}
