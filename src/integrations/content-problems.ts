/**
 * Content problems, where editors look.
 *
 * - `astro build` checks every content file with `checkContent` (the checker behind
 *   `npm run check:content`) before Astro loads any of them, prints every problem in every file and
 *   stops with exit code 1. Astro's own loader would stop at the first broken file, with a stack trace.
 * - `astro dev` checks on start-up and after every change in the content folder, prints the problems
 *   in the terminal, and puts them at the top of every page (content-problems-middleware.ts), live
 *   (content-problems-client.ts). The loaders skip broken files in dev instead of stopping the server
 *   (src/integrations/content-loader.ts).
 *
 * Why a notice in the page rather than a dev-toolbar app: the toolbar is a small bar at the bottom
 * that shows an app only when clicked, and editors can switch it off. A notice above the page is the
 * one thing an editor cannot miss after saving a file, and it tells them that what they see below may
 * be out of date.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { checkContent, type CheckedFile, type ContentFile } from '../schemas/content-check.ts';
import { contentDirSetting, isContentFile, isInside, noticeHtml, problemReport, problemSummary } from '../lib/content-problems.ts';
import type { ContentIssue } from '../lib/validate.ts';
import { checkedContent, problemsState } from './content-problems-state.ts';

/**
 * Every content file under `dir`, in name order, with paths relative to `cwd` as `npm run check:content`
 * prints them.
 */
export function readContentFolder(dir: string, cwd = process.cwd()): ContentFile[] {
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((name) => {
        const p = join(d, name);
        return statSync(p).isDirectory() ? walk(p) : [p];
      });
  if (!existsSync(dir)) return [];
  return walk(dir)
    .filter(isContentFile)
    .map((p) => ({ path: relative(cwd, p), text: readFileSync(p, 'utf8') }));
}

/**
 * Checks a whole content folder, as `npm run check:content` does. `keep` receives what was read from
 * each file that passed its own checks.
 */
export function checkFolder(dir: string, cwd = process.cwd(), keep?: (checked: CheckedFile) => void): { issues: ContentIssue[]; files: number; ms: number } {
  const started = performance.now();
  const files = readContentFolder(dir, cwd);
  // Image paths in articles are relative to the repository root like the file paths, so resolve them
  // from cwd, too.
  const issues = checkContent(files, { fileExists: (p) => existsSync(resolve(cwd, p)), ...(keep ? { keep } : {}) });
  return { issues, files: files.length, ms: Math.round(performance.now() - started) };
}

/** The same two things `npm run check:content` prints, through Astro's logger. */
function logReport(logger: AstroIntegrationLogger, result: ReturnType<typeof checkFolder>) {
  if (result.issues.length) logger.error(`Content problems:\n${problemReport(result.issues, result.files, result.ms)}`);
  else logger.info(problemSummary([], result.files, result.ms));
}

const sameIssues = (a: readonly ContentIssue[], b: readonly ContentIssue[]) => JSON.stringify(a) === JSON.stringify(b);

export default function contentProblems(): AstroIntegration {
  let dir = '';
  let startupReport: (() => void) | undefined;
  return {
    name: 'content-problems',
    hooks: {
      'astro:config:setup': ({ command, config, addMiddleware, injectScript }) => {
        dir = resolve(fileURLToPath(config.root), contentDirSetting(process.env));
        if (command === 'build') {
          // config:setup runs before Astro syncs the content layer (astro:build:start runs after it),
          // so this is the last moment to report every problem before the loader stops at the first.
          const checked: CheckedFile[] = [];
          const result = checkFolder(dir, process.cwd(), (c) => checked.push(c));
          if (!result.issues.length) {
            // Every file is valid: the content loader takes what the check read instead of reading the
            // YAML and applying the schema again (src/integrations/content-loader.ts).
            const shared = checkedContent();
            for (const { file, front, data, valid } of checked) shared.set(resolve(file.path), { text: file.text, front, data, ...(valid === undefined ? {} : { valid }) });
          }
          if (result.issues.length) {
            console.error(`\n${problemReport(result.issues, result.files, result.ms)}\n`);
            console.error('The build stopped because of the content problems above. Fix them and build again.');
            // Exiting here, not throwing: Astro would wrap a thrown error in a stack trace, which tells
            // an editor nothing. This only runs for `astro build`, so the exit ends the build and only it.
            process.exit(1);
          }
        }
        if (command === 'dev') {
          addMiddleware({ order: 'pre', entrypoint: new URL('./content-problems-middleware.ts', import.meta.url) });
          injectScript('page', `import ${JSON.stringify(fileURLToPath(new URL('./content-problems-client.ts', import.meta.url)))};`);
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const state = problemsState();
        let last = checkFolder(dir);
        state.issues = last.issues;
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Editors save one file at a time, but a `git checkout` changes many at once: one check for a
        // burst of changes, and a page request in between runs it at once (flush).
        const recheck = () => {
          clearTimeout(timer);
          timer = undefined;
          const next = checkFolder(dir);
          const changed = !sameIssues(next.issues, last.issues);
          last = next;
          state.issues = next.issues;
          if (!changed) return;
          if (next.issues.length) logReport(logger, next);
          else logger.info(`Content problems fixed. ${problemSummary([], next.files, next.ms)}`);
          server.environments.client.hot.send('content-problems:update', { html: noticeHtml(next.issues) });
        };
        state.flush = () => {
          if (timer) recheck();
        };
        // A page that just loaded asks for the current notice (content-problems-client.ts).
        server.environments.client.hot.on('content-problems:get', (_data, client) => {
          state.flush();
          client.send('content-problems:update', { html: noticeHtml(state.issues) });
        });
        server.watcher.add(dir);
        server.watcher.on('all', (_event, path) => {
          if (!isInside(dir, path)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, 40);
        });
        // The start-up report waits for astro:server:start, after the content sync and its "Skipped …" lines.
        startupReport = () => logReport(logger, last);
      },
      'astro:server:start': () => {
        startupReport?.();
      },
    },
  };
}
