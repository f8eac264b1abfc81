import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // One worker per core: each conformance file runs its cells one at a time, so cores = cells.
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
})
