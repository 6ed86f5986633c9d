/**
 * The RSS feeds: the site's (/rss.xml, /kk/rss.xml, /en/rss.xml) and each district's
 * (/districts/<slug>/rss.xml in each language). Each returns the options @astrojs/rss writes, so the
 * endpoints only route. The items come from src/lib/feed.ts: one per status report published after
 * the article, every one dated.
 */
import type { RSSOptions } from '@astrojs/rss';
import { t } from '~/i18n/index.ts';
import { fill, formatDate, plural } from '~/lib/format.ts';
import { ATOM_NS, articleItem, districtFeedPath, feedPath, guidXml, newestFirst, reportItems, selfLinkXml, type FeedItem, type FeedLabels, type FeedProject } from '~/lib/feed.ts';
import { absolute, href } from '~/lib/paths.ts';
import { LOCALE_TAGS, type Locale } from '~/lib/vocabulary.ts';
import { getDistrict, getDistrictProjects, getProjects, getStory, newsSlug, type ProjectEntry } from '~/data/content.ts';
import { onceBy } from '~/lib/once.ts';

function labels(lang: Locale): FeedLabels {
  const dict = t(lang);
  return {
    itemTitle: dict.feeds.itemTitle,
    itemDescription: dict.feeds.itemDescription,
    translated: dict.translation.mark,
    stage: dict.labels.stage,
    category: dict.labels.category,
  };
}

const feedProject = (p: ProjectEntry): FeedProject => ({
  id: p.id,
  title: p.data.title,
  category: p.data.category,
  history: p.data.history,
  sources: p.data.sources,
});

/** The article's publication: the feeds carry what came after it. */
async function article(lang: Locale) {
  const { original, localised } = await getStory(lang);
  return {
    title: localised.data.title,
    description: localised.data.lead,
    link: absolute(href(lang, 'news', newsSlug(original))),
    published: original.data.published,
  };
}

/** The status-report items of some projects, and how many projects have none to show. */
async function reports(lang: Locale, projects: readonly ProjectEntry[]) {
  const a = await article(lang);
  return {
    article: a,
    ...reportItems({ lang, projects: projects.map(feedProject), after: a.published, projectLink: (id) => absolute(href(lang, 'projects', id)), labels: labels(lang) }),
  };
}

function options(lang: Locale, o: { title: string; description: string; link: string; self: string; items: readonly FeedItem[] }): RSSOptions {
  return {
    title: o.title,
    description: o.description,
    site: o.link,
    trailingSlash: true,
    xmlns: { atom: ATOM_NS },
    customData: `<language>${LOCALE_TAGS[lang]}</language>${selfLinkXml(o.self)}`,
    items: o.items.map((i) => ({
      title: i.title,
      link: i.link,
      description: i.description,
      pubDate: i.pubDate,
      ...(i.categories ? { categories: i.categories } : {}),
      customData: guidXml(i),
    })),
  };
}

/** Every project's reports after the article, in a language: made once for /rss.xml and /data/'s counts. */
const siteReports = onceBy(async (lang: Locale) => reports(lang, await getProjects()));

/** /rss.xml in a language: the article, then every report published after it, newest first. */
export async function siteFeed(lang: Locale): Promise<RSSOptions> {
  const dict = t(lang);
  const r = await siteReports(lang);
  return options(lang, {
    title: fill(dict.share.rssTitle, { site: dict.meta.siteName }),
    description: fill(dict.feeds.siteDescription, { date: formatDate(lang, r.article.published), count: plural(lang, r.leftOut, dict.common.projects) }),
    link: absolute(href(lang)),
    self: absolute(feedPath(lang)),
    items: newestFirst([articleItem(r.article), ...r.items]),
  });
}

/** /districts/<slug>/rss.xml in a language: the reports on the district's projects after the article. */
export async function districtFeed(lang: Locale, slug: string): Promise<RSSOptions> {
  const dict = t(lang);
  const name = (await getDistrict(slug)).data.name[lang];
  const r = await reports(lang, await getDistrictProjects(slug));
  return options(lang, {
    title: fill(dict.feeds.districtTitle, { district: name }),
    description: fill(dict.feeds.districtDescription, {
      district: name,
      date: formatDate(lang, r.article.published),
      count: plural(lang, r.leftOut, dict.common.projects),
    }),
    link: absolute(href(lang, 'districts', slug)),
    self: absolute(districtFeedPath(lang, slug)),
    items: r.items,
  });
}

/** For /data/: how many reports the feeds carry and how many projects they leave out. */
export async function feedCoverage(lang: Locale): Promise<{ items: number; leftOut: number; since: Date }> {
  const r = await siteReports(lang);
  return { items: r.items.length, leftOut: r.leftOut, since: r.article.published };
}
