/** The security-header and cache-policy rules, without a server. */
import { describe, expect, it } from 'vitest';
import { cachePolicyOf, partyScopeOf } from '../../src/lib/server/http-cache';
import { applySecurityHeaders, baselineSecurityHeaders, contentSecurityPolicy, embedFrameAncestors } from '../../src/lib/server/security-headers';

const ASTRO = "script-src 'self' 'sha256-abc='; style-src 'self' 'sha256-def='; style-src-attr 'unsafe-inline';";

describe('content security policy', () => {
  it("keeps Astro's script and style hashes and adds the site's directives and frame policy", () => {
    const csp = contentSecurityPolicy(ASTRO, "'none'");
    expect(csp.split('; ')).toEqual([
      "default-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
      "script-src 'self' 'sha256-abc='",
      "style-src 'self' 'sha256-def='",
      "style-src-attr 'unsafe-inline'",
      "frame-ancestors 'none'",
    ]);
  });

  it('gives a response Astro did not render a policy that allows nothing, and drops foreign directives', () => {
    expect(contentSecurityPolicy(null, "'none'")).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(contentSecurityPolicy("frame-ancestors *; report-uri /x", "'none'")).toBe("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  });

  it('lets embeds be framed by EMBED_FRAME_ANCESTORS, refusing values that would smuggle in a directive', () => {
    expect(embedFrameAncestors({})).toBe('*');
    expect(embedFrameAncestors({ EMBED_FRAME_ANCESTORS: 'https://news.example https://*.partner.example' })).toBe('https://news.example https://*.partner.example');
    expect(embedFrameAncestors({ EMBED_FRAME_ANCESTORS: "* ; script-src 'unsafe-inline'" })).toBe('*');
  });
});

describe('applySecurityHeaders', () => {
  const apply = (url: string, init?: ResponseInit, body: string | null = 'x') => applySecurityHeaders(new Response(body, init), new URL(url)).headers;

  it('sends HSTS over https only', () => {
    expect(apply('https://monitor.example/parties/tha').get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(apply('http://monitor.example/parties/tha').get('strict-transport-security')).toBeNull();
  });

  it('forbids framing except on embeds, which drop X-Frame-Options', () => {
    const page = apply('https://m.example/parties/tha');
    expect(page.get('x-frame-options')).toBe('DENY');
    expect(page.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const path of ['/embed/parties/tha', '/th/embed/parties/tha.svg']) {
      const embed = apply(`https://m.example${path}`, { headers: { 'x-frame-options': 'DENY' } });
      expect(embed.get('x-frame-options'), path).toBeNull();
      expect(embed.get('content-security-policy'), path).toContain('frame-ancestors *');
    }
  });

  it('isolates the pages of a session from their opener, in every language, and leaves public pages without an opener policy', () => {
    for (const path of ['/workspace', '/workspace/review', '/th/workspace/parties/tha', '/login', '/id/login', '/logout', '/_actions/saveDraft']) {
      expect(apply(`https://m.example${path}`).get('cross-origin-opener-policy'), path).toBe('same-origin');
      expect(baselineSecurityHeaders(path)['cross-origin-opener-policy'], path).toBe('same-origin');
    }
    for (const path of ['/', '/parties/tha', '/th/parties/tha', '/instruments/actip-2015', '/workspaces', '/embed/parties/tha']) {
      // A header a page set on its own is taken off too: one rule for every answer.
      expect(apply(`https://m.example${path}`, { headers: { 'cross-origin-opener-policy': 'same-origin' } }).get('cross-origin-opener-policy'), path).toBeNull();
      expect(baselineSecurityHeaders(path), path).not.toHaveProperty('cross-origin-opener-policy');
    }
    // Everything else stays on public pages.
    const page = apply('https://m.example/parties/tha');
    expect(page.get('x-frame-options')).toBe('DENY');
    expect(page.get('x-content-type-options')).toBe('nosniff');
  });

  it('leaves a 304 without a policy, so a cache keeps the page’s own', () => {
    const headers = apply('https://m.example/parties/tha', { status: 304 }, null);
    expect(headers.get('content-security-policy')).toBeNull();
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('cache policy', () => {
  it('keeps staff pages private and lets the API, downloads and feeds tag themselves', () => {
    expect(['/workspace', '/workspace/review', '/login', '/logout', '/_actions/x'].map(cachePolicyOf)).toEqual(['private', 'private', 'private', 'private', 'private']);
    expect(['/api/v1/parties', '/data/parties.csv', '/feed.xml', '/parties/tha/feed.xml'].map(cachePolicyOf)).toEqual(['self', 'self', 'self', 'self']);
    expect(['/', '/parties/tha', '/data', '/changes', '/embed/parties/tha.svg', '/workspaces'].map(cachePolicyOf)).toEqual(['page', 'page', 'page', 'page', 'page', 'page']);
  });

  it('scopes party pages to the party’s own data version', () => {
    const none = new URLSearchParams();
    expect(partyScopeOf('/parties/THA', none)).toBe('tha');
    expect(partyScopeOf('/embed/parties/tha.svg', none)).toBe('tha');
    expect(partyScopeOf('/embed/parties/npl', none)).toBe('npl');
    expect(partyScopeOf('/changes', new URLSearchParams('party=BGD&from=2026-01-01'))).toBe('bgd');
    expect(partyScopeOf('/changes', new URLSearchParams('instrument=actip-2015'))).toBeNull();
    expect(partyScopeOf('/parties', none)).toBeNull();
    expect(partyScopeOf('/instruments/actip-2015', none)).toBeNull();
  });
});
