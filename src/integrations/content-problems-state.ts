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

/** One content file as the build's content check read it (src/schemas/content-check.ts, CheckedFile). */
export interface CheckedContent {
  /** The file's whole text, so that a file changed since the check is read afresh. */
  text: string;
  front: string;
  data: unknown;
  valid?: unknown;
}

const CHECKED = Symbol.for('almaty-projects.checked-content');

/**
 * The files the content check passed at the start of `astro build`, by absolute path, for the content
 * loader (src/integrations/content-loader.ts) to take instead of reading the YAML and applying the
 * schema a second time. Entries are removed as the loader takes them.
 */
export function checkedContent(): Map<string, CheckedContent> {
  const g = globalThis as typeof globalThis & { [CHECKED]?: Map<string, CheckedContent> };
  g[CHECKED] ??= new Map();
  return g[CHECKED];
}
