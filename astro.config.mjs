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
  // Actions accept up to 8 MB: the CSV import posts files of up to 5 MB, and its apply step posts them back base64-encoded.
  security: { checkOrigin: true, actionBodySizeLimit: 8 * 1024 * 1024 },
  vite: {
    ssr: {
      // Native bindings must stay outside the bundle.
      external: ['@libsql/client', 'libsql'],
    },
  },
});
