/** The browser suite's set-up names what is missing and the exact command that installs it. */
import { describe, expect, it } from 'vitest';
import { APT_INSTALL_COMMAND, describeMissing, detectPrerequisites } from '../e2e/prerequisites';

describe('browser suite prerequisites', () => {
  it('says nothing when Chromium and a Thai font are there', () => {
    expect(describeMissing({ chromiumPath: '/usr/bin/chromium', chromium: true, thaiFont: true })).toEqual({ error: null, warning: null });
  });

  it('stops without Chromium, naming the path and the apt-get command', () => {
    const { error, warning } = describeMissing({ chromiumPath: '/opt/none/chromium', chromium: false, thaiFont: true });
    expect(error).toContain('/opt/none/chromium');
    expect(error).toContain(APT_INSTALL_COMMAND);
    expect(warning).toBeNull();
  });

  it('warns without a Thai font, with the same command (chromium and fonts-thai-tlwg)', () => {
    const { error, warning } = describeMissing({ chromiumPath: '/usr/bin/chromium', chromium: true, thaiFont: false });
    expect(error).toBeNull();
    expect(warning).toContain('fc-list :lang=th');
    expect(warning).toContain(APT_INSTALL_COMMAND);
    expect(APT_INSTALL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium fonts-thai-tlwg');
  });

  it('detects a missing binary', () => {
    expect(detectPrerequisites('/nonexistent/chromium').chromium).toBe(false);
  });
});
