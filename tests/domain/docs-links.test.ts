/**
 * The README and the documentation (content/docs/*.md) point only at things that exist: every
 * relative link at a file in the repository (and its heading, for a `#fragment` into Markdown)
 * or at a route of the site (a docs page and its heading, for `/docs/...`), and every
 * `npm run X` at a script in package.json. Each page's frontmatter is valid.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DocsFrontmatter } from '../../src/lib/docs/frontmatter';
import { headingIds } from '../helpers/markdown-headings';

const ROOT = resolve('.');
const DOCS_DIR = join(ROOT, 'content/docs');
const DOCS_FILES = readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')).sort();
const FILES = ['README.md', ...DOCS_FILES.map((f) => `content/docs/${f}`)];
const SCRIPTS = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
/** Anchors a docs page gets from the site beside its Markdown headings (src/components/docs/ApiReference.astro). */
const GENERATED_ANCHORS: Record<string, string[]> = { api: ['api-reference', 'schemas'] };

/** The Markdown without its frontmatter, fenced code blocks and inline code (where a link is only text). */
function proseOf(markdown: string): string {
  return markdown.replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Every link target in the Markdown's prose: `[text](target)` and `![alt](target)`. */
function linksOf(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
}

/** Route patterns from src/pages (`[param]` a segment, `index` the folder), and the files in public/. */
function siteRoutes(): RegExp[] {
  const routes: RegExp[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(astro|ts|md)$/.test(name)) {
        const route = `/${relative(join(ROOT, 'src/pages'), path)}`
          .replace(/\.(astro|ts|md)$/, '')
          .replace(/\/index$/, '')
          .replace(/[.]/g, '\\.')
          .replace(/\[\\\.\\\.\\\.[^\]]+\]/g, '.+')
          .replace(/\[[^\]]+\]/g, '[^/]+');
        routes.push(new RegExp(`^${route || '/'}$`));
      }
    }
  };
  walk(join(ROOT, 'src/pages'));
  return routes;
}
const ROUTES = siteRoutes();

/** Why a link does not resolve, or null when it does. */
function brokenLink(file: string, target: string): string | null {
  if (/^(https?:|mailto:)/.test(target)) return null;
  const [pathAndQuery, fragment] = target.split('#', 2) as [string, string | undefined];
  const path = pathAndQuery.split('?')[0]!;
  if (path === '') {
    const slug = /^content\/docs\/(.+)\.md$/.exec(file)?.[1] ?? '';
    const ids = new Set([...headingIds(readFileSync(file, 'utf8')), ...(GENERATED_ANCHORS[slug] ?? [])]);
    return fragment && !ids.has(fragment) ? `no heading #${fragment} in ${file}` : null;
  }
  if (path.startsWith('/')) {
    const route = path.replace(/^\/th(?=\/|$)/, '') || '/';
    const docs = /^\/docs\/([^/]+)$/.exec(route);
    if (docs) {
      const md = join(DOCS_DIR, `${docs[1]}.md`);
      if (!existsSync(md)) return `no docs page content/docs/${docs[1]}.md`;
      const ids = new Set([...headingIds(readFileSync(md, 'utf8')), ...(GENERATED_ANCHORS[docs[1]!] ?? [])]);
      return fragment && !ids.has(fragment) ? `no heading #${fragment} on /docs/${docs[1]}` : null;
    }
    if (existsSync(join(ROOT, 'public', route)) && route !== '/') return null;
    return ROUTES.some((r) => r.test(route)) ? null : `no route for ${route}`;
  }
  const resolved = resolve(dirname(join(ROOT, file)), decodeURIComponent(path));
  if (!resolved.startsWith(ROOT) || !existsSync(resolved)) return `no file ${relative(ROOT, resolved)}`;
  if (fragment && resolved.endsWith('.md') && !headingIds(readFileSync(resolved, 'utf8')).has(fragment)) return `no heading #${fragment} in ${relative(ROOT, resolved)}`;
  return null;
}

describe('links in the README and the docs', () => {
  it('finds the pages and their links (the checker itself sees something)', () => {
    expect(DOCS_FILES).toEqual(['api.md', 'contributing.md', 'methodology.md', 'performance.md', 'running.md', 'security.md', 'staff.md']);
    const readmeLinks = linksOf(readFileSync('README.md', 'utf8'));
    expect(readmeLinks).toContain('content/docs/running.md');
    expect(readmeLinks.some((l) => /\.(png|webp)$/.test(l))).toBe(true);
  });

  it.each(FILES)('every relative link in %s resolves', (file) => {
    const broken = linksOf(readFileSync(file, 'utf8'))
      .map((target) => ({ target, why: brokenLink(file, target) }))
      .filter((l) => l.why !== null);
    expect(broken).toEqual([]);
  });

  it.each(FILES)('every `npm run X` named in %s is a script in package.json', (file) => {
    const named = [...readFileSync(file, 'utf8').matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]!);
    expect(named.filter((name) => !SCRIPTS.includes(name))).toEqual([]);
  });

  it('the checker catches a broken link, a missing heading, a missing route and an unknown script', () => {
    expect(brokenLink('README.md', 'content/docs/nope.md')).toMatch(/no file/);
    expect(brokenLink('README.md', 'content/docs/staff.md#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('content/docs/api.md', '/docs/running#no-such-heading')).toMatch(/no heading/);
    expect(brokenLink('content/docs/api.md', '/docs/nope')).toMatch(/no docs page/);
    expect(brokenLink('content/docs/api.md', '/nowhere/at/all')).toMatch(/no route/);
    expect(brokenLink('content/docs/api.md', '/parties/tha')).toBeNull();
    expect(brokenLink('content/docs/api.md', '/th/themes')).toBeNull();
    expect(brokenLink('content/docs/api.md', '/api/v1/openapi.json')).toBeNull();
    expect(brokenLink('content/docs/api.md', '/docs/api#api-reference')).toBeNull();
    expect(SCRIPTS).not.toContain('no-such-script');
  });
});

describe('docs frontmatter', () => {
  it.each(DOCS_FILES)('%s has a valid title, description and order', (file) => {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(DOCS_DIR, file), 'utf8'));
    expect(match, file).not.toBeNull();
    expect(DocsFrontmatter.safeParse(parseYaml(match![1]!)).success).toBe(true);
  });

  it('orders are distinct', () => {
    const orders = DOCS_FILES.map((file) => (parseYaml(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(DOCS_DIR, file), 'utf8'))![1]!) as { order: number }).order);
    expect(new Set(orders).size).toBe(orders.length);
  });
});
