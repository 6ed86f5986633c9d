/** /news/<slug>/: the article (the Russian original, or our translation) and the city's reconciliation. */
import { render } from 'astro:content';
import { t } from '~/i18n/index.ts';
import { absolute, href } from '~/lib/paths.ts';
import { newsArticle } from '~/lib/structured-data.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getStory, newsSlug } from '~/data/content.ts';
import { shareImageFor } from '~/data/share.ts';

/** getStaticPaths of the article: one route per language, at the original's slug. */
export async function articleSlugs(): Promise<Array<{ params: { slug: string }; props: Record<string, never> }>> {
  const { original } = await getStory('ru');
  return [{ params: { slug: newsSlug(original) }, props: {} }];
}

export async function articleView(lang: Locale) {
  const { original, localised } = await getStory(lang);
  const { Content } = await render(localised);
  const path = href(lang, 'news', newsSlug(original));
  const image = await shareImageFor(path);
  return {
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
      author: original.data.author,
      publisher: { name: original.data.source.outlet, url: original.data.source.url },
      image: image && absolute(image.src),
      translation:
        localised.id === original.id ? undefined : { of: absolute(href('ru', 'news', newsSlug(original))), by: t(lang).meta.siteName },
    }),
  };
}
