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
  security: { checkOrigin: true },
  vite: {
    ssr: {
      // Native bindings must stay outside the bundle.
      external: ['@libsql/client', 'libsql'],
    },
  },
});
