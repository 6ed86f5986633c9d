import { defineConfig } from 'vitest/config';

// Unit tests cover the pure modules in src/lib and the schemas; the built site is tested by Playwright.
export default defineConfig({
  // The `~/*` alias of tsconfig.json, so that a test can import a module that uses it (as Astro does).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // The unit tests cover pure modules: nothing is mocked and no global is changed, so the test files
    // can share worker processes instead of starting one each, which halves the run on two cores.
    // A test that mocks a module or changes a global must undo it in an afterEach.
    isolate: false,
    // One temporary folder for the run, deleted at its end (tests/unit/temp-dir.ts).
    globalSetup: ['tests/unit/temp-root.ts'],
  },
});
