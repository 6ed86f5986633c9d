import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and the schemas; the built site is tested by Playwright.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
