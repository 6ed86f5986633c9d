import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and the schemas; the built site is tested by Playwright.
export default defineConfig({
  // The `~/*` alias of tsconfig.json, so that a test can import a module that uses it (as Astro does).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
