/** /news/<slug>/: the article (the Russian original, or our translation) and the city's reconciliation. */
import { render } from 'astro:content';
import { t } from '~/i18n/index.ts';
import { fill, formatNumber, plural } from '~/lib/format.ts';
import { listLinkPlace } from '~/lib/list-link.ts';
import { absolute, fileHref, href } from '~/lib/paths.ts';
import { LOGO_SIZE } from '~/lib/logo.ts';
import { newsArticle } from '~/lib/structured-data.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getStory, newsSlug, type NewsEntry } from '~/data/content.ts';
import { shareImageFor } from '~/data/share.ts';

/** getStaticPaths of the article: one route per language, at the original's slug. */
export async function articleSlugs(): Promise<Array<{ params: { slug: string }; props: Record<string, never> }>> {
  const { original } = await getStory('ru');
  return [{ params: { slug: newsSlug(original) }, props: {} }];
}

/**
 * The editor's note beside the article's closing sentence, whose link led to the akimat's list in the
 * original and leads to ours here: where it pointed, that the list is not available, and what our list
 * is, with its numbers from the data. Placed after the body (src/lib/list-link.ts says why); a build
 * error where the sentence no longer closes the article, so the note can never stand apart from it.
 */
async function listNote(lang: Locale, article: NewsEntry) {
  const place = listLinkPlace(article.body ?? '');
  if (place === 'none') return undefined;
  if (place === 'elsewhere') {
    throw new Error(
      `${article.filePath ?? `content/news/${article.id}.md`}: the link to the full list (../../projects/) is no longer in the article's last paragraph; the editor's note about that link is shown after the article, so keep the sentence with the link last`,
    );
  }
  const dict = t(lang);
  const { total } = await cityReconciliation();
  return {
    label: dict.article.editorsNote,
    text: fill(dict.article.listNote, { count: plural(lang, total.itemised, dict.common.projects), confirmed: formatNumber(lang, total.confirmed) }),
    method: { href: `${href(lang, 'data')}#method`, text: dict.article.listNoteMethod },
  };
}

export async function articleView(lang: Locale) {
  const { original, localised } = await getStory(lang);
  const { Content } = await render(localised);
  const path = href(lang, 'news', newsSlug(original));
  const image = await shareImageFor(path);
  return {
    listNote: await listNote(lang, localised),
    title: localised.data.title,
    description: localised.data.lead,
    article: localised,
    original,
    Content,
    summary: await cityReconciliation(),
    structured: newsArticle({
      headline: localised.data.title,
      description: localised.data.lead,
      url: absolute(path),
      inLanguage: localised.data.lang,
      datePublished: localised.data.published,
      dateModified: localised.data.updated,
      author: original.data.author,
      original: { publisher: original.data.source.outlet, url: original.data.source.url },
      site: { name: t(lang).meta.siteName, url: absolute(href(lang)), logo: { url: absolute(fileHref('logo.png')), width: LOGO_SIZE, height: LOGO_SIZE } },
      image: image && absolute(image.src),
      translation: localised.id === original.id ? undefined : { of: absolute(href('ru', 'news', newsSlug(original))) },
    }),
  };
}
