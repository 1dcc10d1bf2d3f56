// @ts-check
import node from '@astrojs/node';
import { satteri } from '@astrojs/markdown-satteri';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { scrollableRegions } from './src/lib/docs/hast-scrollable.mjs';

export default defineConfig({
  output: 'server',
  // The adapter's own body limit is a backstop at the largest route limit (the CSV import);
  // each route's own limit is enforced in src/server.ts (src/lib/server/body-limit.ts).
  // Middleware mode: src/server.ts serves the static files itself (only paths under dist/client's
  // own entries are looked for on disk, src/lib/server/static-files.ts) and hands the rest to Astro.
  adapter: node({ mode: 'middleware', bodySizeLimit: 8 * 1024 * 1024, experimentalDisableStreaming: true }),
  integrations: [
    react(),
    // `client:interact`: chart islands hydrate on the reader's first pointer over them, so a page
    // load runs no React (src/lib/client/interact-directive.ts).
    {
      name: 'client-interact',
      hooks: { 'astro:config:setup': ({ addClientDirective }) => addClientDirective({ name: 'interact', entrypoint: './src/lib/client/interact-directive.ts' }) },
    },
  ],
  server: { port: 4321, host: process.env.HOST ?? 'localhost' },
  trailingSlash: 'never',
  // Every stylesheet inline in the page (Astro hashes each for the CSP): no render-blocking
  // request before the first paint (Lighthouse, tests/lighthouse/run.ts).
  build: { inlineStylesheets: 'always' },
  // No syntax highlighting: Shiki's inline styles would need 'unsafe-inline' styles.
  // The docs (content/docs/*.md): wide tables and code blocks scroll, reachable by keyboard.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [scrollableRegions] }) },
  security: {
    // Cross-site writes are refused by src/lib/server/origin-check.ts in the middleware, for
    // every content type (JSON too) and with an audit row. Astro's own check would answer
    // form posts first, unaudited, and does not cover JSON, so it is off.
    checkOrigin: false,
    // Actions accept up to 8 MB: the CSV import posts files of up to 5 MB, and its apply step posts them back base64-encoded.
    actionBodySizeLimit: 8 * 1024 * 1024,
    // Astro hashes every script and style it emits (island hydration included) and sends
    // script-src/style-src in a Content-Security-Policy header; the other directives are
    // added per response in src/lib/server/security-headers.ts. Inline style *attributes*
    // (bar widths, chart wrappers React renders on the server) need style-src-attr.
    csp: {
      styleDirective: { resources: [{ resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    // Identifies this build in the pages' ETags (src/lib/server/http-cache.ts).
    define: { __BUILD_ID__: JSON.stringify(`${Date.now().toString(36)}-${process.pid}`) },
    ssr: {
      // Native bindings must stay outside the bundle.
      external: ['@libsql/client', 'libsql', '@resvg/resvg-js'],
    },
  },
});
