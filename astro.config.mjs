// @ts-check
import node from '@astrojs/node';
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [react()],
  server: { port: 4321, host: process.env.HOST ?? 'localhost' },
  trailingSlash: 'never',
  // Cross-site writes are refused by src/lib/server/origin-check.ts in the middleware, for
  // every content type (JSON too) and with an audit row. Astro's own check would answer
  // form posts first, unaudited, and does not cover JSON, so it is off.
  security: { checkOrigin: false },
  vite: {
    ssr: {
      // Native bindings must stay outside the bundle.
      external: ['@libsql/client', 'libsql'],
    },
  },
});
