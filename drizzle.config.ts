import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new timestamped SQL migration from the *.table.ts files.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/**/*.table.ts',
  out: './migrations',
  migrations: { prefix: 'timestamp' },
});
