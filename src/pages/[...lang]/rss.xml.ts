/**
 * /rss.xml (Russian), /kk/rss.xml and /en/rss.xml: the article and one item per project, dated by
 * the source's status report. Each links to our page, where the sources are.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getProjects, getStory, newsSlug } from '~/data/content.ts';
import { t } from '~/i18n/index.ts';
import { fill } from '~/lib/format.ts';
import { feedItems } from '~/lib/feed.ts';
import { absolute, href } from '~/lib/paths.ts';
import { localePaths } from '~/lib/i18n-routes.ts';
import { LOCALE_TAGS, type Category, type Locale } from '~/lib/vocabulary.ts';

export const getStaticPaths = () => localePaths();

export const GET: APIRoute<{ lang: Locale }> = async ({ props }) => {
  const { lang } = props;
  const dict = t(lang);
  const { original, localised } = await getStory(lang);
  return rss({
    title: fill(dict.share.rssTitle, { site: dict.meta.siteName }),
    description: dict.share.rssDescription,
    site: absolute(href(lang)),
    trailingSlash: true,
    customData: `<language>${LOCALE_TAGS[lang]}</language>`,
    items: feedItems({
      lang,
      article: {
        title: localised.data.title,
        description: localised.data.lead,
        link: absolute(href(lang, 'news', newsSlug(original))),
        published: localised.data.published,
      },
      projects: (await getProjects()).map((p) => ({ id: p.id, ...p.data })),
      projectLink: (id) => absolute(href(lang, 'projects', id)),
      statusTemplate: dict.share.rssStatus,
      categoryLabel: (c) => dict.labels.category[c as Category],
    }),
  });
};
