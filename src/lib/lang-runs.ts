/**
 * Cyrillic inside text of another language: an English note quoting a Russian address, a Russian
 * outlet's name or a Cyrillic URL on an English page. An English screen-reader voice cannot read
 * Cyrillic, so each Cyrillic run gets a lang of its own (WCAG 3.1.2, language of parts), and
 * `scripts/check-pages.mjs` fails a page where one is missing.
 */

/** A piece of text, with the language to mark it with when it differs from its surroundings. */
export interface LangRun {
  text: string;
  lang?: 'ru' | 'kk';
}

/**
 * A run starts and ends with a Cyrillic letter and may hold digits, spaces and punctuation between,
 * but no Latin letter: "мкр. Шугыла, 340а", "Административно-территориальное_деление_Алма-Аты".
 */
const RUN = /[\u0400-\u04FF](?:[\u0400-\u04FF\d\s.,:;!?№/_()«»"'’-]*[\u0400-\u04FF])?/g;
/** Letters Kazakh has and Russian has not: a run with one of them is Kazakh. */
const KAZAKH_ONLY = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/**
 * Splits `text`, written in `lang`, into runs: the Cyrillic runs marked "ru" or "kk", the rest
 * unmarked. Text in Russian or Kazakh stays one unmarked run (its own lang covers it).
 */
export function langRuns(text: string, lang: string | undefined): LangRun[] {
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
