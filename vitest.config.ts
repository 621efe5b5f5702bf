import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['lib/**/*.test.ts', 'worker/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: ['**/*.int.test.ts', 'node_modules/**'],
          // TensorFlow.js keeps global backend state: one process per file, no worker threads.
          pool: 'forks',
          // One fork per core. Vitest's default leaves a core to its main process (cores - 1), which
          // only collects results here: on a 2-core CI machine that ran the files one at a time.
          maxWorkers: availableParallelism(),
          testTimeout: 60_000,
        },
      },
      // Files that share one PostgreSQL and one Redis (test/integration-setup.ts): one at a time.
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.horizon/**', 'test/faults/**'],
          globalSetup: ['./test/integration-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      // Fault tests start their own PostgreSQL, Redis and worker processes (test/faults/harness.ts),
      // so they need no shared services. One file at a time (each keeps about one core busy);
      // `npm test` runs this project in a vitest of its own beside the integration project's.
      {
        resolve: { alias },
        test: {
          name: 'faults',
          include: ['test/faults/**/*.int.test.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
