import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // No test reaches the internet: the model list is off unless a test serves or saves one.
    env: { OPENROUTER_DOCS_VERIFY_MODELS: 'off' },
  },
})
