/** Pure request checks: cross-site refusal and the post-sign-in redirect target. */
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/lib/server/auth/next-path';
import { checkCrossSite, crossSiteForbiddenResponse } from '../../src/lib/server/origin-check';

const url = new URL('http://monitor.example/login');
const request = (method: string, headers: Record<string, string> = {}) => new Request(url, { method, headers });

describe('checkCrossSite', () => {
  it('lets reads through whatever their origin', () => {
    expect(checkCrossSite(request('GET', { origin: 'https://evil.example' }), url).allowed).toBe(true);
    expect(checkCrossSite(request('HEAD', { 'sec-fetch-site': 'cross-site' }), url).allowed).toBe(true);
  });

  it('refuses every state-changing method from a foreign or null Origin', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(checkCrossSite(request(method, { origin: 'https://evil.example' }), url)).toMatchObject({ allowed: false, reason: 'foreign_origin' });
      expect(checkCrossSite(request(method, { origin: 'null' }), url)).toMatchObject({ allowed: false, reason: 'foreign_origin' });
      // Same host, other scheme or port: another origin.
      expect(checkCrossSite(request(method, { origin: 'https://monitor.example' }), url).allowed).toBe(false);
      expect(checkCrossSite(request(method, { origin: 'http://monitor.example:8080' }), url).allowed).toBe(false);
      expect(checkCrossSite(request(method, { origin: 'http://monitor.example' }), url).allowed).toBe(true);
    }
  });

  it('without an Origin, refuses Sec-Fetch-Site cross-site, but lets bearer-token programs through', () => {
    expect(checkCrossSite(request('POST', { 'sec-fetch-site': 'cross-site' }), url)).toMatchObject({ allowed: false, reason: 'cross_site_fetch' });
    expect(checkCrossSite(request('POST', { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' }), url).allowed).toBe(true);
    expect(checkCrossSite(request('POST', { 'content-type': 'application/json' }), url).allowed).toBe(true);
    // Like Astro's own check (switched off in favour of this one): a write with neither an
    // Origin nor a body type is refused; browsers always send Origin with a write.
    expect(checkCrossSite(request('DELETE'), url)).toMatchObject({ allowed: false, reason: 'write_without_origin' });
    expect(checkCrossSite(request('POST', { 'sec-fetch-site': 'same-origin' }), url)).toMatchObject({ allowed: false, reason: 'write_without_origin' });
    expect(checkCrossSite(request('POST', { authorization: 'Bearer abc.def' }), url).allowed).toBe(true);
    // Like Astro's own check: a form post without an Origin is refused (browsers always send one).
    expect(checkCrossSite(request('POST', { 'content-type': 'application/x-www-form-urlencoded' }), url)).toMatchObject({ allowed: false, reason: 'form_without_origin' });
    expect(checkCrossSite(request('POST', { 'content-type': 'multipart/form-data; boundary=x' }), url).allowed).toBe(false);
    expect(checkCrossSite(request('POST', { 'content-type': 'text/plain', authorization: 'Bearer abc.def' }), url).allowed).toBe(true);
    expect(checkCrossSite(request('DELETE', { authorization: 'Bearer abc.def', 'sec-fetch-site': 'cross-site' }), url).allowed).toBe(true);
    // A bearer token does not excuse a foreign Origin.
    expect(checkCrossSite(request('POST', { authorization: 'Bearer abc.def', origin: 'https://evil.example' }), url).allowed).toBe(false);
  });

  it('answers JSON under /api/ and short text elsewhere', async () => {
    const api = crossSiteForbiddenResponse(new URL('http://monitor.example/api/v1/assessments'));
    expect(api.status).toBe(403);
    expect(api.headers.get('content-type')).toMatch(/application\/json/);
    expect(await api.json()).toEqual({ error: { message: expect.any(String), field: null } });
    const page = crossSiteForbiddenResponse(url);
    expect(page.status).toBe(403);
    expect(page.headers.get('content-type')).toMatch(/text\/plain/);
  });
});

describe('safeNextPath', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeNextPath('/workspace')).toBe('/workspace');
    expect(safeNextPath('/workspace/assessments?party=tha#x')).toBe('/workspace/assessments?party=tha#x');
    expect(safeNextPath('/th/workspace')).toBe('/th/workspace');
  });

  it('falls back to /workspace for anything that could leave the site or loop', () => {
    for (const bad of [null, '', 'workspace', 'https://evil.example/', '//evil.example', '/\\evil.example', '/\tevil', 'javascript:alert(1)', '/login', '/logout']) {
      expect(safeNextPath(bad), String(bad)).toBe('/workspace');
    }
  });
});
