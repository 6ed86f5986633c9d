// Page gate: a static check of every built page for the accessibility faults that content can cause.
// The browser sweep (tests/e2e/sweep.spec.ts) runs axe once per page template; what differs from one
// page of a template to the next is the content poured into it, and these rules cover exactly that, on
// every page, in about a second:
//
//   csp        one Content-Security-Policy <meta> in <head>, before any script or stylesheet, and
//              every inline script and style on the page allowed by its hash
//   lang       <html lang> matches the path (/kk/ → kk, /en/ → en, else ru); text in another language is
//              marked with lang (see `foreignText` below for what is checkable)
//   ids        no id used twice; in-page links and ARIA references point at an id that exists
//   names      every link, button and form control has an accessible name
//   headings   one <h1>, first; no level skipped on the way down (h2 → h4); none empty
//   main       one <main>, with content (what a reader without JavaScript gets)
//
// Usage: node scripts/check-pages.mjs [--skip=rule,rule] dist [dist-paged …]   (exit 1 on any problem)
//
// Pages are parsed with htmlparser2 (a dev dependency) rather than html-validate's own parser, which
// builds a full validation model per element and takes about seven times as long on the same pages.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'htmlparser2';

/** Cyrillic letters, and the nine that Kazakh has and Russian has not. */
const CYRILLIC = /[\u0400-\u04FF]/;
const KAZAKH_ONLY = /[әғқңөұүһі]/;
/** Short words frequent in Russian prose that Kazakh prose does not use as words. */
const RUSSIAN_WORDS = new Set(
  'в во на и с со по для из к ко от до не об у за что как это при или но также который которая которые которых после более около между года году лет'.split(' '),
);
/** Short words frequent in Kazakh prose, beside any word with a Kazakh-only letter. */
const KAZAKH_WORDS = new Set('мен бен пен және бойынша жылы деп бұл осы арналған туралы сияқты кейін бар жоқ емес болып болды ретінде дейін арқылы'.split(' '));

/** Elements whose text is never shown as page text. */
const NOT_TEXT = new Set(['script', 'style', 'template', 'title', 'head']);
/** Attributes whose value a screen reader speaks. */
const SPOKEN_ATTRIBUTES = ['aria-label', 'alt', 'title', 'placeholder', 'aria-description'];
/** Every page's <main> holds at least this much text: a page that lost its content fails. */
const MIN_MAIN_TEXT = 100;
/** In-page targets that need no element with that id. */
const BUILTIN_FRAGMENTS = new Set(['', 'top']);

const isElement = (n) => n.type === 'tag' || n.type === 'script' || n.type === 'style';
const attr = (el, name) => el.attribs?.[name];

/** Every element below `node` in document order, not descending into <template> (inert content). */
function* elements(node) {
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    yield child;
    if (child.name !== 'template') yield* elements(child);
  }
}

/** True when the element or an ancestor is hidden from everyone (`hidden`) or from assistive tech. */
function isHidden(el) {
  for (let n = el; n && isElement(n); n = n.parent) {
    if (attr(n, 'hidden') !== undefined || attr(n, 'aria-hidden') === 'true') return true;
  }
  return false;
}

/** The language in force at an element: its own or its nearest ancestor's `lang`. */
function langOf(el) {
  for (let n = el; n && isElement(n); n = n.parent) {
    const lang = attr(n, 'lang');
    if (lang !== undefined) return lang.toLowerCase().split('-')[0];
  }
  return '';
}

/** Text a screen reader reads inside an element: hidden subtrees left out, image alternatives in. */
function spokenText(el) {
  let text = '';
  for (const child of el.children ?? []) {
    if (child.type === 'text') text += child.data;
    else if (isElement(child)) {
      if (NOT_TEXT.has(child.name) || attr(child, 'hidden') !== undefined || attr(child, 'aria-hidden') === 'true') continue;
      if (child.name === 'img' || (child.name === 'input' && attr(child, 'type') === 'image')) text += ` ${attr(child, 'alt') ?? ''} `;
      else if (child.name === 'svg') text += ` ${attr(child, 'aria-label') ?? spokenText(child.children?.find((c) => c.name === 'title') ?? {})} `;
      else text += ` ${attr(child, 'aria-label') ?? spokenText(child)} `;
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A simplified accessible name (WAI-ARIA accname): aria-labelledby, aria-label, the element's own
 * content, a <label>, then title. Enough to tell an empty name from a present one.
 */
function accessibleName(el, byId, labels) {
  const ids = attr(el, 'aria-labelledby')?.trim();
  if (ids) {
    const text = ids.split(/\s+/).map((id) => (byId.get(id) ? spokenText(byId.get(id)) : '')).join(' ').trim();
    if (text) return text;
  }
  const label = attr(el, 'aria-label')?.trim();
  if (label) return label;
  if (el.name === 'input') {
    const type = (attr(el, 'type') ?? 'text').toLowerCase();
    if (['submit', 'reset', 'button'].includes(type)) return attr(el, 'value')?.trim() || (type === 'button' ? '' : type);
    if (type === 'image') return attr(el, 'alt')?.trim() ?? '';
  }
  if (['input', 'select', 'textarea'].includes(el.name)) {
    const id = attr(el, 'id');
    const forLabel = id ? labels.get(id) : undefined;
    let wrapping = el.parent;
    while (wrapping && isElement(wrapping) && wrapping.name !== 'label') wrapping = wrapping.parent;
    const text = [forLabel, wrapping && isElement(wrapping) ? wrapping : undefined].filter(Boolean).map(spokenText).join(' ').trim();
    if (text) return text;
  } else {
    const text = spokenText(el);
    if (text) return text;
  }
  // Inside an SVG picture, an element's <title> child is its name (SVG-AAM), e.g. a static map's marks.
  const svgTitle = el.children?.find((c) => isElement(c) && c.name === 'title');
  let svg = el.parent;
  while (svg && isElement(svg) && svg.name !== 'svg') svg = svg.parent;
  if (svgTitle && svg && isElement(svg)) {
    const text = (svgTitle.children ?? []).filter((c) => c.type === 'text').map((c) => c.data).join('').trim();
    if (text) return text;
  }
  return attr(el, 'title')?.trim() ?? '';
}

/** A short, readable pointer to an element for a problem message. */
function describe(el) {
  const id = attr(el, 'id');
  const cls = attr(el, 'class')?.split(/\s+/).filter((c) => c && !c.startsWith('astro-'))[0];
  const href = attr(el, 'href');
  return `<${el.name}${id ? ` id="${id}"` : ''}${cls ? ` class="${cls}"` : ''}${href !== undefined ? ` href="${href}"` : ''}>`;
}

/** The page language a site path is in: /kk/… Kazakh, /en/… English, anything else Russian. */
export function pathLanguage(path) {
  const m = /^\/(kk|en)\//.exec(path);
  return m ? m[1] : 'ru';
}

/**
 * Which of Russian and Kazakh a Cyrillic text reads as, or undefined when it is too short or too mixed
 * to tell. Both languages share 33 letters, so this counts evidence: Russian function words (в, на, и,
 * для …) for Russian; Kazakh function words (мен, және, бойынша …) and words with a Kazakh-only letter
 * (ә, ғ, қ, ң, ө, ұ, ү, һ, і) for Kazakh. Quoted names («Келешек мектептері», «Алматы Қала Жарығы») are
 * names, not text in a language, and are left out. A language needs two pieces of evidence and twice as
 * many as the other.
 * @param {string} text
 * @returns {'ru' | 'kk' | undefined}
 */
export function guessLanguage(text) {
  const words = text.replace(/«[^»]*»|"[^"]*"|„[^“]*“/g, ' ').toLowerCase().match(/[\u0400-\u04FF]+/g) ?? [];
  let ru = 0;
  let kk = 0;
  for (const w of words) {
    if (RUSSIAN_WORDS.has(w)) ru += 1;
    else if (KAZAKH_WORDS.has(w) || KAZAKH_ONLY.test(w)) kk += 1;
  }
  if (ru >= 2 && ru >= 2 * kk) return 'ru';
  if (kk >= 2 && kk >= 2 * ru) return 'kk';
  return undefined;
}

const LANGUAGE_NAMES = { ru: 'Russian', kk: 'Kazakh', en: 'English' };

/**
 * What is wrong with the language a piece of text is marked with, or undefined when nothing is.
 * - Cyrillic where English is in force: an English voice cannot read it; it needs lang="ru" or "kk".
 * - Text that reads as Russian where Kazakh is in force (or the other way round), by `guessLanguage`:
 *   typically a Russian title shown on a Kazakh page without lang="ru".
 * @param {string} text
 * @param {string} lang the language in force where the text is (nearest lang attribute)
 */
export function foreignText(text, lang) {
  if (!CYRILLIC.test(text)) return undefined;
  if (lang !== 'ru' && lang !== 'kk') return 'Cyrillic text needs lang="ru" or lang="kk"';
  const guess = guessLanguage(text);
  if (guess && guess !== lang) return `${LANGUAGE_NAMES[guess]} text is marked as ${LANGUAGE_NAMES[lang]}; it needs lang="${guess}"`;
  return undefined;
}

/**
 * Problems on one page, as "rule: message" strings (empty when the page passes).
 * @param {string} html the page's HTML
 * @param {string} path its site path, e.g. "/en/projects/x/"; decides the page language
 * @param {{ skip?: Set<string> }} [options] rules to leave out, by name
 */
export function checkPage(html, path, { skip = new Set() } = {}) {
  const doc = parseDocument(html);
  const all = [...elements(doc)];
  const problems = [];
  const problem = (rule, message) => problems.push(`${rule}: ${message}`);

  // ── csp
  const head = all.find((e) => e.name === 'head');
  const csp = all.filter((e) => e.name === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  if (csp.length !== 1) problem('csp', `${csp.length} Content-Security-Policy <meta> elements, expected 1`);
  for (const meta of csp) {
    if (!head || meta.parent !== head) problem('csp', 'the Content-Security-Policy <meta> is not a child of <head>');
    const content = attr(meta, 'content') ?? '';
    for (const directive of ['default-src', 'script-src', 'style-src']) {
      if (!new RegExp(`(^|;)\\s*${directive}\\s`).test(content)) problem('csp', `the policy has no ${directive}`);
    }
    // Only code and styles are subject to the policy; JSON-LD and other data blocks are not.
    const isCode = (e) => e.name === 'script' && /^(|module|text\/javascript)$/i.test(attr(e, 'type') ?? '');
    const first = all.find((e) => isCode(e) || (e.name === 'link' && attr(e, 'rel') === 'stylesheet') || e.name === 'style');
    if (first && all.indexOf(first) < all.indexOf(meta)) problem('csp', `${describe(first)} comes before the policy, which does not apply to it`);
    // Each inline script and style runs only if its hash is in the policy (no 'unsafe-inline' here):
    // one left out is a script that silently does nothing or a style that is silently not applied.
    const sourcesOf = (kind) => (new RegExp(`(?:^|;)\\s*${kind}-src\\s([^;]*)`).exec(content)?.[1] ?? '').split(/\s+/);
    const sources = { script: sourcesOf('script'), style: sourcesOf('style') };
    for (const [kind, el] of all.flatMap((e) => (isCode(e) && attr(e, 'src') === undefined ? [['script', e]] : e.name === 'style' ? [['style', e]] : []))) {
      if (sources[kind].includes("'unsafe-inline'")) continue;
      const text = (el.children ?? []).map((c) => c.data ?? '').join('');
      const hash = `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
      if (!sources[kind].includes(hash)) problem('csp', `an inline <${kind}> (${hash}) is not allowed by the policy's ${kind}-src`);
    }
  }

  // ── lang
  const expected = pathLanguage(path);
  const html_ = all.find((e) => e.name === 'html');
  if (langOf(html_ ?? {}) !== expected) problem('lang', `<html lang="${attr(html_ ?? {}, 'lang') ?? ''}">, expected "${expected}" for ${path}`);
  const body = all.find((e) => e.name === 'body');
  const seen = new Set();
  const checkText = (text, el, where) => {
    const need = foreignText(text, langOf(el));
    const key = `${need} ${text}`;
    if (need && !seen.has(key)) {
      seen.add(key);
      problem('lang', `${need}: "${text.trim().replace(/\s+/g, ' ').slice(0, 80)}" ${where} ${describe(el)}`);
    }
  };
  const walkText = (node) => {
    for (const child of node.children ?? []) {
      if (child.type === 'text') {
        if (child.data.trim()) checkText(child.data, node, 'in');
      } else if (isElement(child) && !NOT_TEXT.has(child.name)) {
        for (const name of SPOKEN_ATTRIBUTES) {
          const value = attr(child, name);
          if (value?.trim()) checkText(value, child, `in ${name} of`);
        }
        walkText(child);
      }
    }
  };
  if (body) walkText(body);

  // ── ids
  const byId = new Map();
  const counts = new Map();
  for (const el of all) {
    const id = attr(el, 'id');
    if (id === undefined) continue;
    counts.set(id, (counts.get(id) ?? 0) + 1);
    if (!byId.has(id)) byId.set(id, el);
  }
  for (const [id, n] of counts) if (n > 1) problem('ids', `id="${id}" is used ${n} times`);
  for (const el of all) {
    const href = attr(el, 'href');
    if (el.name === 'a' && href?.startsWith('#')) {
      const target = decodeURIComponent(href.slice(1));
      if (!BUILTIN_FRAGMENTS.has(target) && !byId.has(target)) problem('ids', `${describe(el)} points at no element`);
    }
    for (const name of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'for']) {
      for (const id of attr(el, name)?.trim().split(/\s+/).filter(Boolean) ?? []) {
        if (!byId.has(id)) problem('ids', `${describe(el)} ${name}="${id}": no element has that id`);
      }
    }
  }

  // ── names
  const labels = new Map();
  for (const el of all) if (el.name === 'label' && attr(el, 'for')) labels.set(attr(el, 'for'), el);
  for (const el of all) {
    const role = attr(el, 'role');
    const type = (attr(el, 'type') ?? '').toLowerCase();
    const named =
      (el.name === 'a' && attr(el, 'href') !== undefined) ||
      el.name === 'button' ||
      role === 'link' ||
      role === 'button' ||
      (el.name === 'input' && type !== 'hidden') ||
      el.name === 'select' ||
      el.name === 'textarea';
    if (!named || isHidden(el)) continue;
    if (!accessibleName(el, byId, labels)) problem('names', `${describe(el)} has no accessible name`);
  }

  // ── headings
  const headings = all
    .filter((e) => /^h[1-6]$/.test(e.name) || (attr(e, 'role') === 'heading' && attr(e, 'aria-level')))
    .filter((e) => !isHidden(e))
    .map((e) => ({ el: e, level: /^h[1-6]$/.test(e.name) ? Number(e.name[1]) : Number(attr(e, 'aria-level')) }));
  const h1s = headings.filter((h) => h.level === 1).length;
  if (h1s !== 1) problem('headings', `${h1s} <h1> elements, expected 1`);
  else if (headings[0]?.level !== 1) problem('headings', `the first heading is <h${headings[0]?.level}> "${spokenText(headings[0].el).slice(0, 60)}", before the <h1>`);
  for (let i = 1; i < headings.length; i += 1) {
    const [prev, h] = [headings[i - 1], headings[i]];
    if (h.level > prev.level + 1) problem('headings', `<h${h.level}> "${spokenText(h.el).slice(0, 60)}" follows <h${prev.level}>: level ${prev.level + 1} is skipped`);
  }
  for (const h of headings) if (!spokenText(h.el) && !attr(h.el, 'aria-label')) problem('headings', `an empty <h${h.level}>`);

  // ── main
  const mains = all.filter((e) => e.name === 'main' && !isHidden(e));
  if (mains.length !== 1) problem('main', `${mains.length} <main> elements, expected 1`);
  else if (spokenText(mains[0]).length < MIN_MAIN_TEXT) problem('main', `<main> has ${spokenText(mains[0]).length} characters of text, expected at least ${MIN_MAIN_TEXT}`);

  return skip.size ? problems.filter((p) => !skip.has(p.slice(0, p.indexOf(':')))) : problems;
}

/** Every HTML file under a folder, as [file, site path]. */
function htmlFiles(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return htmlFiles(root, p);
    if (!e.name.endsWith('.html')) return [];
    const rel = relative(root, p).split(sep).join('/');
    return [[p, `/${rel.replace(/(^|\/)index\.html$/, '$1')}`]];
  });
}

/** Checks every page of each built folder; returns the problems as "file: rule: message". */
export function checkDirs(roots, options) {
  const problems = [];
  let pages = 0;
  for (const root of roots) {
    for (const [file, path] of htmlFiles(root)) {
      pages += 1;
      for (const p of checkPage(readFileSync(file, 'utf8'), path, options)) problems.push(`${file}: ${p}`);
    }
  }
  return { pages, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const skip = new Set(args.filter((a) => a.startsWith('--skip=')).flatMap((a) => a.slice(7).split(',')));
  const roots = args.filter((a) => !a.startsWith('--'));
  if (roots.length === 0) roots.push('dist');
  const started = performance.now();
  const { pages, problems } = checkDirs(roots, { skip });
  const took = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (problems.length) {
    console.error(problems.slice(0, 100).join('\n'));
    if (problems.length > 100) console.error(`… and ${problems.length - 100} more`);
    console.error(`✗ ${problems.length} problem(s) in ${pages} pages of ${roots.join(', ')} (${took})`);
    process.exit(1);
  }
  const rules = ['csp', 'lang', 'ids', 'names', 'headings', 'main'].filter((r) => !skip.has(r));
  console.log(`✓ ${pages} pages of ${roots.join(', ')}: ${rules.join(', ')} (${took})`);
}
