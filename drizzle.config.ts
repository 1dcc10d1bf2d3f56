import { defineConfig } from 'drizzle-kit';

/** drizzle-kit generates SQLite migrations into db/migrations; the app applies them on start. */
export default defineConfig({
  dialect: 'turso',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: {
    url: process.env.DATABASE_URL ?? 'file:.data/monitor.db',
    authToken: process.env.DATABASE_AUTH_TOKEN,
  },
});
