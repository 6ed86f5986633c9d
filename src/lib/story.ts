/**
 * Two facts every page states, worked out from the content: the article whose figures the list is
 * read against (in the reader's language where we have it), and the date the data runs to.
 * src/data/content.ts asks them of Astro's collections; the share images' early list
 * (src/lib/share-images.ts) of what the content check read.
 */
import type { News, Claims } from '../schemas/news.ts';
import type { Locale } from './vocabulary.ts';

/** What the story needs of an article. */
export type StoryNews = Pick<News, 'title' | 'lang' | 'translationOf' | 'source' | 'published' | 'claims'>;

/** The original article (the one with the claims), its version in a language, and the claims. */
export interface Story<N extends { id: string; data: StoryNews }> {
  original: N;
  localised: N;
  claims: Claims;
}

/**
 * The first article with `claims`, and its version in `lang` (the original itself when it is in
 * `lang` or has no version in it). Throws when no article has claims: the reconciliation needs them.
 */
export function storyOf<N extends { id: string; data: StoryNews }>(news: readonly N[], lang: Locale): Story<N> {
  for (const original of news) {
    const claims = original.data.claims;
    if (!claims) continue;
    const localised =
      lang === original.data.lang ? original : (news.find((n) => n.data.translationOf === original.id && n.data.lang === lang) ?? original);
    return { original, localised, claims };
  }
  throw new Error('content/news: no article has `claims`; the reconciliation needs the announced figures');
}

/** The article's URL slug: translations share the original's. */
export const newsSlug = (n: { id: string; data: { translationOf?: string | undefined } }) => n.data.translationOf ?? n.id;

/**
 * "Data as of": the newest date anywhere in the data: of a status report, or of a source that a
 * project or a considered item cites. A fact or an exclusion can rest on a source newer than every
 * status report (a December explanation, a January report on an item left off the list), and the
 * date must not claim the data ended before them. It reads every report because a project's latest
 * report may be undated while an earlier one has a date.
 */
export function newestDate(
  projects: ReadonlyArray<{ data: { history: ReadonlyArray<{ date?: Date | undefined }>; sources: ReadonlyArray<{ date?: Date | undefined }> } }>,
  considered: ReadonlyArray<{ data: { sources: ReadonlyArray<{ date?: Date | undefined }> } }>,
): Date {
  const dates = [
    ...projects.flatMap((p) => [...p.data.history.map((r) => r.date), ...p.data.sources.map((s) => s.date)]),
    ...considered.flatMap((c) => c.data.sources.map((s) => s.date)),
  ];
  return new Date(dates.reduce((max, d) => Math.max(max, d?.getTime() ?? 0), 0));
}
