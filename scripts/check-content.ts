// `npm run check:content [folder]`: validates every content file with the build's own schemas in a
// second or two, without building the site. Exits 1 and lists every problem if any file is wrong.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent } from '../src/schemas/content-check.ts';
import { formatIssues } from '../src/lib/validate.ts';

const root = process.argv[2] ?? 'content';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const started = performance.now();
const files = walk(root)
  .filter((p) => /\.mdx?$/.test(p) && !p.endsWith('README.md'))
  .map((p) => ({ path: relative(process.cwd(), p), text: readFileSync(p, 'utf8') }));
const issues = checkContent(files, { fileExists: existsSync });
const ms = Math.round(performance.now() - started);
if (issues.length) {
  console.error(formatIssues(issues));
  console.error(`\n✗ ${issues.length} problem${issues.length === 1 ? '' : 's'} in ${files.length} files (${ms} ms)`);
  process.exit(1);
}
console.log(`✓ ${files.length} content files are valid (${ms} ms)`);
