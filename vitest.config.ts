import { defineConfig } from 'vitest/config';

/**
 * Three tiers. `integration-postgres` exists only when DATABASE_URL is set, so `npm test` runs the
 * integration tier on PGlite always and again on PostgreSQL when a server is configured.
 */
const integration = (name: string, db: 'pglite' | 'postgres') => ({
  test: {
    name,
    include: ['test/integration/**/*.test.ts'],
    // The CLI tests start the command with its own embedded database: once is enough.
    exclude:
      db === 'postgres'
        ? [
            'test/integration/cli.test.ts',
            'test/integration/ingest-cli.test.ts',
            'test/integration/data-dir-lock.test.ts',
            'test/integration/users-cli.test.ts',
            'test/integration/assign-cli.test.ts',
            // 540 files once (on PGlite) is the check; twice only costs CI time
            'test/integration/ingest-fuzz.test.ts',
          ]
        : [
            'test/integration/app-role.test.ts',
            'test/integration/push-two-servers.test.ts',
            'test/integration/assign-concurrency.test.ts',
          ],
    env: { GUANHU_TEST_DB: db },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks' as const,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'], testTimeout: 30_000 } },
      integration('integration', 'pglite'),
      ...(process.env.DATABASE_URL ? [integration('integration-postgres', 'postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
