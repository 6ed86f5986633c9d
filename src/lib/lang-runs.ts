/**
 * Text in another language inside a text, marked so that a screen reader switches voice for it
 * (WCAG 3.1.2, language of parts):
 * - Cyrillic inside text of another language: an English note quoting a Russian address, a Russian
 *   outlet's name or a Cyrillic URL on an English page. An English voice cannot read Cyrillic, so
 *   each Cyrillic run gets a lang of its own, and `scripts/check-pages.mjs` fails a page where one is
 *   missing.
 * - Passages the content names as foreign (`foreign` in a localised text, content/README.md): a
 *   quotation from a Spanish source in a Russian note. Nothing in the script tells Spanish from
 *   English, so only the content can say it.
 */
import { escapeMarkup } from './escape.ts';

/** A piece of text, with the language to mark it with when it differs from its surroundings. */
export interface LangRun {
  text: string;
  lang?: string;
}

/** A passage in another language, as the content names it: its BCP 47 language tag and its exact text. */
export interface ForeignPassage {
  lang: string;
  text: string;
}

/**
 * A run starts and ends with a Cyrillic letter and may hold digits, spaces and punctuation between,
 * but no Latin letter: "мкр. Шугыла, 340а", "Административно-территориальное_деление_Алма-Аты".
 */
const RUN = /[\u0400-\u04FF](?:[\u0400-\u04FF\d\s.,:;!?№/_()«»"'’-]*[\u0400-\u04FF])?/g;
/** Letters Kazakh has and Russian has not: a run with one of them is Kazakh. */
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** The Cyrillic runs of `text`, written in `lang`; text in Russian or Kazakh stays one unmarked run. */
function cyrillicRuns(text: string, lang: string | undefined): LangRun[] {
  if (lang === 'ru' || lang === 'kk') return [{ text }];
  const runs: LangRun[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m.index > at) runs.push({ text: text.slice(at, m.index) });
    runs.push({ text: m[0], lang: KAZAKH_ONLY.test(m[0]) ? 'kk' : 'ru' });
    at = m.index + m[0].length;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at) });
  return runs;
}

/**
 * Splits `text`, written in `lang`, into runs: each occurrence of a `foreign` passage (the longest
 * first where two start at the same place) marked with its language unless that is `lang`, the
 * Cyrillic runs of the rest marked "ru" or "kk", everything else unmarked.
 */
export function langRuns(text: string, lang: string | undefined, foreign: readonly ForeignPassage[] = []): LangRun[] {
  const passages = foreign.filter((p) => p.text && p.lang !== lang && text.includes(p.text)).sort((a, b) => b.text.length - a.text.length);
  if (!passages.length) return cyrillicRuns(text, lang);
  const runs: LangRun[] = [];
  let at = 0;
  while (at < text.length) {
    // The passage that starts first from here; the longest where two start at the same place.
    let next: { index: number; passage: ForeignPassage } | undefined;
    for (const passage of passages) {
      const index = text.indexOf(passage.text, at);
      if (index >= 0 && (!next || index < next.index)) next = { index, passage };
    }
    if (!next) break;
    if (next.index > at) runs.push(...cyrillicRuns(text.slice(at, next.index), lang));
    runs.push({ text: next.passage.text, lang: next.passage.lang });
    at = next.index + next.passage.text.length;
  }
  if (at < text.length) runs.push(...cyrillicRuns(text.slice(at), lang));
  return runs;
}

/**
 * `langRuns` as HTML: each marked run in a `<span lang>`, all of it escaped. Pages put it in with
 * `<Fragment set:html>`; it was a component (LangText.astro), rendered a dozen times and more on every
 * project page, and at 10,000 projects those renders were a measurable part of the build.
 */
export function langMarkup(text: string, lang: string | undefined, foreign: readonly ForeignPassage[] = []): string {
  let html = '';
  for (const r of langRuns(text, lang, foreign)) html += r.lang ? `<span lang="${escapeMarkup(r.lang)}">${escapeMarkup(r.text)}</span>` : escapeMarkup(r.text);
  return html;
}
