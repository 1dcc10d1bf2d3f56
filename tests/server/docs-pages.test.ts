/**
 * /docs and every page of it answer 200 inside the site's layout, in English and under /th
 * (with a note that the docs are in English); the API page carries the reference generated
 * from the OpenAPI document; the footer links to the docs. /themes lists every theme with the
 * database's counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { openDatabase } from '../../db/client';
import { buildOpenApiDocument } from '../../src/lib/api/openapi';
import { THEMES } from '../../src/domain/vocabulary';
import { THEME_SLUGS } from '../../src/i18n/ui';
import { getThemeCounts } from '../../src/lib/server/queries/themes';
import { headingIds } from '../helpers/markdown-headings';
import { startServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const PAGES = readdirSync('content/docs')
  .filter((f) => f.endsWith('.md'))
  .map((file) => {
    const frontmatter = parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(`content/docs/${file}`, 'utf8'))![1]!) as { title: string };
    return { slug: file.replace(/\.md$/, ''), title: frontmatter.title };
  });

async function page(path: string) {
  const response = await server.get(path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', html: await response.text() };
}

/** The marks of the public layout: header, main navigation, main, footer with the docs link. */
function expectSiteLayout(html: string, locale: 'en' | 'th') {
  const prefix = locale === 'th' ? '/th' : '';
  expect(html).toContain(`<html lang="${locale}"`);
  expect(html).toMatch(/<header class="site-header"/);
  expect(html).toMatch(/<main id="main"/);
  expect(html).toMatch(/<footer class="site-footer"/);
  expect(html).toContain(`href="${prefix}/docs"`);
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('/docs', () => {
  it('has the seven pages', () => {
    expect(PAGES.map((p) => p.slug).sort()).toEqual(['api', 'contributing', 'methodology', 'performance', 'running', 'security', 'staff']);
  });

  it('the index links every page, in the site layout, in English and Thai', async () => {
    for (const locale of ['en', 'th'] as const) {
      const prefix = locale === 'th' ? '/th' : '';
      const { status, html } = await page(`${prefix}/docs`);
      expect(status, locale).toBe(200);
      expectSiteLayout(html, locale);
      for (const p of PAGES) expect(html).toContain(`href="${prefix}/docs/${p.slug}"`);
      expect(html.includes('data-docs-language-note')).toBe(locale === 'th');
    }
  });

  it.each(PAGES)('/docs/$slug answers 200 with its title, in the layout, and under /th with the English-only note', async ({ slug, title }) => {
    const en = await page(`/docs/${slug}`);
    expect(en.status).toBe(200);
    expect(en.type).toContain('text/html');
    expectSiteLayout(en.html, 'en');
    expect(en.html).toContain(`<h1>${escapeHtml(title)}</h1>`);
    expect(en.html).toMatch(/<article class="docs-body" lang="en"/);
    expect(en.html).toMatch(new RegExp(`href="/docs/${slug}" aria-current="page"`));
    // The ids the link test expects (tests/domain/docs-links.test.ts) are the ones the site gives.
    const rendered = new Set([...en.html.matchAll(/<h[1-6] id="([^"]+)"/g)].map((m) => m[1]!));
    const expected = [...headingIds(readFileSync(`content/docs/${slug}.md`, 'utf8'))];
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.filter((id) => !rendered.has(id))).toEqual([]);
    const th = await page(`/th/docs/${slug}`);
    expect(th.status).toBe(200);
    expectSiteLayout(th.html, 'th');
    expect(th.html).toContain('data-docs-language-note');
    expect(th.html).toContain(`<h1>${escapeHtml(title)}</h1>`);
  });

  it('the API page links the OpenAPI document and renders every operation and schema from it', async () => {
    const { html } = await page('/docs/api');
    expect(html).toContain('href="/api/v1/openapi.json"');
    expect(html).toContain('id="api-reference"');
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, { operationId: string; parameters?: { name: string }[] }>>; components: { schemas: object } };
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        expect(html, op.operationId).toContain(`data-operation="${op.operationId}"`);
        for (const p of op.parameters ?? []) expect(html, `${op.operationId} ${p.name}`).toContain(`<code>${p.name}</code>`);
      }
    }
    for (const name of Object.keys(doc.components.schemas)) expect(html, name).toContain(`data-schema="${name}"`);
  });

  it('the methodology page has the data-model diagram, and Markdown tables render as tables', async () => {
    const { html } = await page('/docs/methodology');
    expect(html).toContain('current_assessments');
    expect(html).toMatch(/<pre[^>]*><code[^>]*>[\s\S]*participations/);
    expect(html).toMatch(/<div class="table-scroll" tabindex="0" role="region" aria-label="[^"]+"><table>[\s\S]*<th>URL<\/th>/);
    expect(html).toMatch(/<pre tabindex="0"/);
  });

  it('an unknown page is a 404 in words', async () => {
    const { status, html } = await page('/docs/no-such-page');
    expect(status).toBe(404);
    expect(html).toContain('<html lang="en"');
  });

  it('every public page links the docs from its footer', async () => {
    expect((await page('/')).html).toMatch(/<footer[\s\S]*href="\/docs"/);
    expect((await page('/th/parties')).html).toMatch(/<footer[\s\S]*href="\/th\/docs"/);
  });
});

describe('/themes', () => {
  it('lists every theme with the counts from the database, in English and Thai', async () => {
    const db = await openDatabase({ url: server.databaseUrl, embedded: true });
    const counts = await getThemeCounts(db);
    db.$client.close();
    for (const locale of ['en', 'th'] as const) {
      const prefix = locale === 'th' ? '/th' : '';
      const { status, html } = await page(`${prefix}/themes`);
      expect(status, locale).toBe(200);
      expectSiteLayout(html, locale);
      for (const theme of THEMES) {
        const row = new RegExp(`<tr data-theme="${theme}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
        expect(row, theme).toBeDefined();
        expect(row).toContain(`href="${prefix}/themes/${THEME_SLUGS[theme]}"`);
        const c = counts.find((x) => x.theme === theme)!;
        const cell = (name: string) => new RegExp(`data-count="${name}">([^<]*)<`).exec(row!)?.[1];
        expect([cell('commitments'), cell('instruments'), cell('parties'), cell('ratings')]).toEqual([c.commitments, c.instruments, c.partiesRated, c.ratings].map(String));
      }
    }
    expect(counts.some((c) => c.commitments > 0)).toBe(true);
  });

  it('a theme page links back to the list', async () => {
    const { html } = await page(`/themes/${THEME_SLUGS.victim_protection}`);
    expect(html).toContain('href="/themes"');
  });
});
