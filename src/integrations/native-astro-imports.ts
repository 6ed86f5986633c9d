/**
 * Astro's own modules that the content config imports, loaded by Node rather than through Vite.
 *
 * Before every build (and `astro sync`, `astro check`, `astro dev`), Astro loads src/content.config.ts
 * with a Vite module runner in its `astro` environment, where the `astro` package is never external:
 * each of its modules the config reaches is read, run through every Vite plugin and evaluated, one
 * after another. `astro/loaders` (the glob loader) alone reached 54 of them (its error messages, the
 * content utilities, an image-size library of 25 files), each 5 to 30 ms, for code that Node loads in a
 * few milliseconds and that Astro itself already runs natively. Listed here, an import of exactly these
 * ids is left to Node (Vite's `resolve.external` takes an exact id over the package's noExternal):
 * the runner then transforms 16 modules, all ours, instead of 73, and `astro sync` took 1.94-2.17 s
 * instead of 2.32-2.58 s (medians 1.98 and 2.36 s, five interleaved pairs, 2 December 2026).
 *
 * Only the `astro` environment, which loads the content config; the pages' bundles are untouched.
 * Each of these modules is plain JavaScript with no virtual `astro:` imports, so Node can load it;
 * tests/unit/native-astro-imports.test.ts checks that the content config imports nothing else of Astro's.
 */
import type { Plugin } from 'vite';

/** The Astro modules the content config and its imports use (src/content.config.ts, src/schemas, src/integrations/content-loader.ts). */
export const NATIVE_ASTRO_IMPORTS = ['astro/content/config', 'astro/loaders', 'astro/zod'] as const;

/** Astro's environment that runs the content config (ASTRO_VITE_ENVIRONMENT_NAMES.astro). */
export const CONTENT_CONFIG_ENVIRONMENT = 'astro';

export function nativeAstroImports(): Plugin {
  return {
    name: 'almaty:native-astro-imports',
    configEnvironment(name) {
      if (name !== CONTENT_CONFIG_ENVIRONMENT) return undefined;
      return { resolve: { external: [...NATIVE_ASTRO_IMPORTS] } };
    },
  };
}
