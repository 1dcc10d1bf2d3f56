/** The docs pages (content/docs/*.md), compiled by Astro's Markdown support at build time, in navigation order. */
import type { MarkdownInstance } from 'astro';
import { DocsFrontmatter, docsSlugOf } from './frontmatter';

/** One page: its slug, checked frontmatter and the component that renders its Markdown. */
export interface DocsPage {
  slug: string;
  frontmatter: DocsFrontmatter;
  Content: MarkdownInstance<Record<string, unknown>>['Content'];
  headings: ReturnType<MarkdownInstance<Record<string, unknown>>['getHeadings']>;
}

const files = import.meta.glob<MarkdownInstance<Record<string, unknown>>>('../../../content/docs/*.md', { eager: true });

/** Every page, ordered by `order`; a page with bad frontmatter fails the build with its file named. */
export const DOCS_PAGES: readonly DocsPage[] = Object.entries(files)
  .map(([file, md]) => {
    const parsed = DocsFrontmatter.safeParse(md.frontmatter);
    if (!parsed.success) throw new Error(`${file}: bad frontmatter: ${parsed.error.message}`);
    return { slug: docsSlugOf(file), frontmatter: parsed.data, Content: md.Content, headings: md.getHeadings() };
  })
  .sort((a, b) => a.frontmatter.order - b.frontmatter.order);

/** The page with this slug, or undefined. */
export function findDocsPage(slug: string): DocsPage | undefined {
  return DOCS_PAGES.find((page) => page.slug === slug);
}
