/**
 * A hast plugin for Astro's Markdown processor (Sätteri), used for the docs
 * (content/docs/*.md): wide code blocks and tables scroll inside the page, so each must be
 * reachable by keyboard (axe: scrollable-region-focusable). Code blocks get tabindex="0";
 * tables are wrapped in the site's `.table-scroll` region, as on the other pages.
 */
export const scrollableRegions = {
  name: 'docs-scrollable-regions',
  element: {
    filter: ['pre', 'table'],
    /** @param {{ tagName: string }} node @param {any} ctx */
    visit(node, ctx) {
      if (node.tagName === 'pre') ctx.setProperty(node, 'tabIndex', 0);
      else ctx.wrapNode(node, { raw: '<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways)"></div>' });
    },
  },
};
