/**
 * A Vite plugin that changes some of Astro's own modules in the build, each by an exact piece of its
 * text (csp-digest-cache.ts, csp-page-styles.ts). Each patch says what it does to a module's code, or
 * that the code is no longer as it expects (undefined): then the plugin warns once and leaves the
 * module as Astro ships it, so the build stays correct and only loses the patch.
 */
import type { Plugin } from 'vite';

export interface AstroPatch {
  /** Which module it changes, with or without a query. */
  module: RegExp;
  /** The changed code, or undefined when the code is not as expected. */
  apply: (code: string) => string | undefined;
  /** What the build prints when it cannot apply the patch. */
  warning: string;
}

/**
 * The plugin for `patches`. Its transform hook has a filter, so the bundler hands it only the modules
 * the patches name rather than every module of the build.
 */
export function astroPatches(name: string, patches: readonly AstroPatch[]): Plugin {
  return {
    name,
    apply: 'build',
    transform: {
      filter: { id: patches.map((p) => p.module) },
      handler(code, id) {
        const patch = patches.find((p) => p.module.test(id));
        if (!patch) return undefined;
        const out = patch.apply(code);
        if (out === undefined) {
          this.warn(patch.warning);
          return undefined;
        }
        return { code: out, map: null };
      },
    },
  };
}
