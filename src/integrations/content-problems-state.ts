/**
 * The current content problems, shared between the integration (which Astro loads with the config)
 * and the dev middleware (which Vite loads with the pages). The two are separate module instances in
 * one process, so the state lives on globalThis under a registered symbol.
 */
import type { ContentIssue } from '../lib/validate.ts';

export interface ProblemsState {
  issues: ContentIssue[];
  /** Runs a check that a file change has scheduled but not yet run, so a page never shows stale news. */
  flush: () => void;
}

const KEY = Symbol.for('almaty-projects.content-problems');

export function problemsState(): ProblemsState {
  const g = globalThis as typeof globalThis & { [KEY]?: ProblemsState };
  g[KEY] ??= { issues: [], flush: () => {} };
  return g[KEY];
}
