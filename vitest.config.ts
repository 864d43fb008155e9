import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    include: [
      'lib/**/*.test.{ts,tsx}',
      'mock-ws/**/*.test.ts',
      'components/**/*.test.tsx',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 15_000,
    coverage: {
      provider: 'v8',
      include: ['lib/protocol/**/*.ts', 'lib/realtime/**/*.{ts,tsx}'],
      exclude: ['**/__tests__/**', '**/*.test.*', '**/*.test-d.ts', '**/index.ts'],
      thresholds: { lines: 90, branches: 90 },
      reporter: ['text-summary'],
    },
  },
});
