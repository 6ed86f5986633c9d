/** The home page: the story in brief, the city's reconciliation, and the ways in. */
import { t } from '~/i18n/index.ts';
import { formatDate } from '~/lib/format.ts';
import { href } from '~/lib/paths.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getStory, newsSlug } from '~/data/content.ts';
import { cityMapData } from './shared.ts';

export async function homeView(lang: Locale) {
  const dict = t(lang);
  const { original, localised } = await getStory(lang);
  const a = localised.data;
  return {
    title: dict.meta.siteName,
    description: dict.meta.siteDescription,
    story: {
      lang: a.lang,
      title: a.title,
      href: href(lang, 'news', newsSlug(original)),
      outlet: a.source.outlet,
      published: { iso: a.published.toISOString(), text: formatDate(lang, a.published) },
      lead: a.lead,
    },
    summary: await cityReconciliation(),
    /** The city picture: the eight districts with their counts, each a link. */
    map: await cityMapData(lang),
    links: [
      { href: href(lang, 'projects'), label: dict.home.browseProjects },
      { href: href(lang, 'districts'), label: dict.home.browseDistricts },
      { href: href(lang, 'data'), label: dict.home.getData },
    ],
  };
}
