// Builds a temporary copy of the site with N synthetic projects, for the build benchmark only.
// The synthetic files are clones of real project files with new ids, titles marked "синтетический" and,
// for located ones, points spread inside the district's simplified outline (so the build's check that a
// point lies in its district passes). They are written under the OS temp directory and never into content/.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { simplifyOutlines } from '../../src/lib/outlines.ts';
import { shapeContains } from '../../src/lib/shapes.ts';

const REPO = resolve(import.meta.dirname, '../..');
const DISTRICTS = ['alatau', 'almaly', 'auezov', 'bostandyk', 'zhetysu', 'medeu', 'nauryzbay', 'turksib'];

function split(text) {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  return { data: yaml.load(m[1]), body: m[2] };
}

/** Deterministic pseudo-random numbers, so two runs build the same files. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Writes `count` synthetic project files into `dir`/projects, plus copies of news, districts and geo. */
export async function writeSyntheticContent(dir, count) {
  const real = readdirSync(join(REPO, 'content/projects')).filter((f) => f.endsWith('.md'));
  const outlines = await simplifyOutlines(readFileSync(join(REPO, 'content/geo/districts-osm.geojson'), 'utf8'));
  const outline = Object.fromEntries(outlines.districts.map((d) => [d.slug, d]));
  mkdirSync(join(dir, 'projects'), { recursive: true });
  cpSync(join(REPO, 'content/news'), join(dir, 'news'), { recursive: true });
  cpSync(join(REPO, 'content/districts'), join(dir, 'districts'), { recursive: true });
  cpSync(join(REPO, 'content/geo'), join(dir, 'geo'), { recursive: true });
  const random = rng(count);
  for (let n = 0; n < count; n++) {
    const source = real[n % real.length];
    const { data, body } = split(readFileSync(join(REPO, 'content/projects', source), 'utf8'));
    const district = DISTRICTS[n % DISTRICTS.length];
    data.title = { ...data.title, ru: `${data.title.ru} (синтетический №${n + 1})`, kk: `${data.title.kk} (синтетикалық №${n + 1})`, en: `${data.title.en} (synthetic No. ${n + 1})` };
    data.district = district;
    // A third of the synthetic projects get a point, and every one in Medeu, so that the city map has
    // thousands of points and one district map over a thousand markers (1,250 at 10,000 projects).
    if (n % 3 === 0 || district === 'medeu') {
      const { bounds: b, shape } = outline[district];
      // A random point in the district's frame, drawn again until it falls inside the outline.
      let point;
      do point = { lat: Number((b.south + (b.north - b.south) * random()).toFixed(6)), lon: Number((b.west + (b.east - b.west) * random()).toFixed(6)) };
      while (!shapeContains(shape, point));
      data.location = {
        lat: point.lat,
        lon: point.lon,
        precision: 'street',
        // Written by us: marked as our translation where no source is in Russian, as the schema requires.
        refersTo: {
          ru: 'синтетическая точка для теста производительности',
          ...(data.sources.some((s) => s.language === 'ru') ? {} : { translated: ['ru'] }),
        },
        source: 'synthetic benchmark data',
      };
    } else delete data.location;
    writeFileSync(join(dir, 'projects', `syn-${String(n + 1).padStart(5, '0')}.md`), `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`);
  }
}

/**
 * What a synthetic site copies from the repository: everything a build reads but the content. The
 * config imports from src/ and scripts/ (build-flags.mjs); a unit test checks that every folder the
 * config imports from is on this list.
 */
export const SITE_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'scripts'];

/** A temporary copy of the project (sources and config; node_modules linked) whose content is synthetic. */
export async function syntheticSite(count) {
  const root = mkdtempSync(join(tmpdir(), `bench-${count}-`));
  for (const f of SITE_FILES) cpSync(join(REPO, f), join(root, f), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  await writeSyntheticContent(join(root, 'content'), count);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * The bare baseline: a minimal Astro project over the same Markdown files, no schema, no layout,
 * rendering each project in three languages (the same page count as ours) plus an index per language.
 */
export async function bareSite(count) {
  const root = mkdtempSync(join(tmpdir(), `bench-bare-${count}-`));
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  await writeSyntheticContent(join(root, 'content'), count);
  writeFileSync(join(root, 'package.json'), '{"type":"module","private":true}');
  // A cache of its own: node_modules is a link to the real project's, whose cache the bare build must
  // neither read nor overwrite.
  writeFileSync(join(root, 'astro.config.mjs'), "export default { trailingSlash: 'always', cacheDir: './.astro-cache' };\n");
  mkdirSync(join(root, 'src/pages/[lang]/p'), { recursive: true });
  writeFileSync(
    join(root, 'src/content.config.ts'),
    "import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { projects: defineCollection({ loader: glob({ base: './content/projects', pattern: '*.md' }) }) };\n",
  );
  writeFileSync(
    join(root, 'src/pages/[lang]/p/[id].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  const all = await getCollection('projects');\n  return ['ru', 'kk', 'en'].flatMap((lang) => all.map((entry) => ({ params: { lang, id: entry.id }, props: { entry } })));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html><head><title>{entry.data.title.ru}</title></head><body><h1>{entry.data.title.ru}</h1><Content /></body></html>\n",
  );
  writeFileSync(
    join(root, 'src/pages/[lang]/index.astro'),
    "---\nimport { getCollection } from 'astro:content';\nexport const getStaticPaths = () => ['ru', 'kk', 'en'].map((lang) => ({ params: { lang } }));\nconst all = await getCollection('projects');\n---\n<html><head><title>index</title></head><body><ul>{all.map((e) => <li><a href={`p/${e.id}/`}>{e.data.title.ru}</a></li>)}</ul></body></html>\n",
  );
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
