/**
 * The RSS feed's items: the article, then one item per project whose status a source reports, dated
 * by that report (`status.date`). Pure: the endpoint passes entries and links in.
 */
import { DEFAULT_LOCALE, type Locale } from './vocabulary.ts';
import { fill } from './format.ts';
import { fileHref } from './paths.ts';
import { localised, projectTitle } from './display.ts';
import type { LocalText } from './local-text.ts';

export interface FeedItem {
  title: string;
  link: string;
  description: string;
  pubDate?: Date;
  categories?: string[];
}

export interface FeedProject {
  id: string;
  title: LocalText;
  status: { wording: LocalText; date?: Date | undefined };
  category: string;
}

/** Path of a language's feed, under the base path: /rss.xml for Russian (the root), /kk/rss.xml, /en/rss.xml. */
export function feedPath(lang: Locale): string {
  return lang === DEFAULT_LOCALE ? fileHref('rss.xml') : fileHref(lang, 'rss.xml');
}

/**
 * Items newest first. A project whose source gives no date still gets an item (so the feed lists every
 * project page) but without a pubDate, after the dated ones: a feed must not invent a date.
 */
export function feedItems(opts: {
  lang: Locale;
  article: { title: string; description: string; link: string; published: Date };
  projects: readonly FeedProject[];
  projectLink: (id: string) => string;
  /** "Статус по источнику: {wording}" in the feed's language. */
  statusTemplate: string;
  categoryLabel: (category: string) => string;
}): FeedItem[] {
  const { lang } = opts;
  const projects: FeedItem[] = opts.projects.map((p) => ({
    title: projectTitle(p.title, lang).text,
    link: opts.projectLink(p.id),
    description: fill(opts.statusTemplate, { wording: localised(p.status.wording, lang).text }),
    ...(p.status.date ? { pubDate: p.status.date } : {}),
    categories: [opts.categoryLabel(p.category)],
  }));
  const { title, description, link, published } = opts.article;
  const article: FeedItem = { title, description, link, pubDate: published };
  const time = (i: FeedItem) => i.pubDate?.getTime() ?? -Infinity;
  return [article, ...projects].sort((a, b) => time(b) - time(a) || a.link.localeCompare(b.link));
}
