/**
 * The pure parts of how content problems reach editors: which files are content, the report that
 * `npm run check:content`, `astro build` and `astro dev` print, and the notice `astro dev` puts at the
 * top of every page. The integration that uses them is src/integrations/content-problems.ts.
 */
import { formatIssues, type ContentIssue } from './validate.ts';
import { escapeMarkup } from './escape.ts';

/**
 * The content folder, as src/content.config.ts reads it: CONTENT_DIR lets tests point the site at a
 * fixture folder; the real site always uses ./content. Relative to the project root.
 */
export function contentDirSetting(env: Record<string, string | undefined>): string {
  return env['CONTENT_DIR'] || './content';
}

/** Whether a file under the content folder is one the checker reads: Markdown, except READMEs. */
export function isContentFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return /\.mdx?$/.test(name) && name !== 'README.md';
}

/**
 * Whether `path` is `dir` or inside it (both absolute, either separator). A change anywhere in the
 * content folder is worth a new check, images included: an article's photos must exist.
 */
export function isInside(dir: string, path: string): boolean {
  const d = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  const p = path.replace(/\\/g, '/');
  return p === d || p.startsWith(`${d}/`);
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The summary line under the list, e.g. "✗ 3 problems in 254 files (48 ms)". */
export function problemSummary(issues: readonly ContentIssue[], fileCount: number, ms: number): string {
  return issues.length
    ? `✗ ${plural(issues.length, 'problem')} in ${plural(fileCount, 'file')} (${ms} ms)`
    : `✓ ${fileCount} content files are valid (${ms} ms)`;
}

/** Everything the terminal shows: one "file: field: message" line per problem, then the summary. */
export function problemReport(issues: readonly ContentIssue[], fileCount: number, ms: number): string {
  const summary = problemSummary(issues, fileCount, ms);
  return issues.length ? `${formatIssues([...issues])}\n\n${summary}` : summary;
}

/** Content problems quote what editors typed, so every piece of them is escaped before it is HTML. */
export function escapeHtml(text: string): string {
  return escapeMarkup(text).replaceAll("'", '&#39;');
}

/** The element name of the dev notice; the client script and the tests look for it. */
export const NOTICE_ELEMENT = 'content-problems';

// The notice lives in a shadow root so that the site's styles cannot hide or restyle it, and its own
// styles cannot leak into the page under test. It sits in the page flow (not fixed) so it covers
// nothing, and it is the first thing in <body>, where an editor looks after saving a file.
const NOTICE_STYLE = `
:host { display: block; font: 16px/1.45 system-ui, sans-serif; color: #1a1a1a; }
section { background: #fff4f2; border: 3px solid #b3261e; margin: 0; padding: 0.75rem 1rem; }
summary { cursor: pointer; color: #8c1d18; }
h2 { display: inline; font-size: 1.1rem; margin: 0; }
p { margin: 0.25rem 0; }
ul { margin: 0.5rem 0 0; padding-left: 1.25rem; }
li { margin: 0.25rem 0; overflow-wrap: anywhere; }
code { font: 0.9em ui-monospace, monospace; }
`;

/**
 * The notice `astro dev` shows at the top of every page while content has problems: the same
 * "file: field: message" lines as `npm run check:content`, escaped. Empty when there is nothing to say.
 */
export function noticeHtml(issues: readonly ContentIssue[]): string {
  if (issues.length === 0) return '';
  const items = issues
    .map((i) => `<li><code>${escapeHtml(i.file)}</code>: <strong>${escapeHtml(i.field)}</strong>: ${escapeHtml(i.message)}</li>`)
    .join('');
  const count = plural(issues.length, 'content problem');
  return (
    `<${NOTICE_ELEMENT} data-count="${issues.length}"><template shadowrootmode="open"><style>${NOTICE_STYLE}</style>` +
    `<section aria-label="${count}"><details open><summary><h2>${count}: fix ${issues.length === 1 ? 'it' : 'them'} before you commit</h2></summary>` +
    `<p>Until a file is fixed, the pages below show it as it last loaded without problems, or leave it out. This notice goes away when the files are fixed. <code>npm run check:content</code> lists the same problems, and the build stops on them.</p>` +
    `<ul>${items}</ul></details></section></template></${NOTICE_ELEMENT}>`
  );
}

/** The page with the notice as the first thing in <body>, or the page unchanged if it has no <body>. */
export function withNotice(html: string, notice: string): string {
  if (!notice) return html;
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return html;
  const at = body.index + body[0].length;
  return html.slice(0, at) + notice + html.slice(at);
}

/**
 * A page for when a route cannot render at all while content has problems (e.g. a district page whose
 * file is broken): the notice, and the error in one line, instead of a stack trace.
 */
export function problemPage(issues: readonly ContentIssue[], error: unknown): string {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content problems</title></head><body>` +
    noticeHtml(issues) +
    `<main><p>This page could not be rendered, probably because of the problems above: ${escapeHtml(reason ?? '')}</p></main></body></html>`
  );
}
