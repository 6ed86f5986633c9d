// `npm run check:content [folder]`: validates every content file with the build's own schemas in a
// second or two, without building the site. Exits 1 and lists every problem if any file is wrong.
// `astro build` and `astro dev` report problems with the same functions (src/integrations/content-problems.ts).
import { checkFolder } from '../src/integrations/content-problems.ts';
import { problemReport } from '../src/lib/content-problems.ts';

const result = checkFolder(process.argv[2] ?? 'content');
if (result.issues.length) {
  console.error(problemReport(result.issues, result.files, result.ms));
  process.exit(1);
}
console.log(problemReport([], result.files, result.ms));
