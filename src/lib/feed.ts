/**
 * The RSS feeds' items. The site feed (/rss.xml, /kk/rss.xml, /en/rss.xml) has the article and one
 * item per status report published after it; a district's feed (/districts/<slug>/rss.xml) has the
 * reports on that district's projects. A report is news on the day its source published it, so each
 * item is dated by its report, titled "12 ноября 2025: <project> — <stage>" in the feed's language,
 * and links to the project's page, where every source is.
 *
 * A feed item must have a date, and a feed must not invent one: a report without a date, or one
 * published on or before the article's day, is not an item, and the channel's description says how
 * many projects that leaves out and why (`leftOut`). Pure: the endpoints pass entries and links in.
 */
import { DEFAULT_LOCALE, type Category, type Locale, type StatusStage } from './vocabulary.ts';
import { fill, formatDate } from './format.ts';
import { fileHref } from './paths.ts';
import { localised, projectTitle } from './display.ts';
import type { LocalText } from './local-text.ts';
import { escapeMarkup } from './escape.ts';

export interface FeedItem {
  title: string;
  link: string;
  /** Stable per item: the article's permalink, or the project page plus the report's date and source. */
  guid: { value: string; isPermaLink: boolean };
  description: string;
  /** Every item has one: items that cannot be dated are left out, not left undated. */
  pubDate: Date;
  categories?: string[];
}

/** One status report as the feed needs it (a project's `history` entry). */
export interface FeedReport {
  stage: StatusStage;
  wording: LocalText;
  date?: Date | undefined;
  /** URL of the source that made the report (one of the project's sources). */
  source: string;
}

export interface FeedProject {
  id: string;
  title: LocalText;
  category: Category;
  /** Every report, oldest first. */
  history: readonly FeedReport[];
  sources: ReadonlyArray<{ url: string; outlet: string }>;
}

/** The words an item needs, in the feed's language (from the dictionaries). */
export interface FeedLabels {
  /** "{date}: {title} — статус: {stage}". */
  itemTitle: string;
  /** "{outlet}: «{wording}»". */
  itemDescription: string;
  /** Added after a wording we translated ourselves: "наш перевод". */
  translated: string;
  stage: Readonly<Record<StatusStage, string>>;
  category: Readonly<Record<Category, string>>;
}

/** Path of a language's feed, under the base path: /rss.xml for Russian (the root), /kk/rss.xml, /en/rss.xml. */
export function feedPath(lang: Locale): string {
  return lang === DEFAULT_LOCALE ? fileHref('rss.xml') : fileHref(lang, 'rss.xml');
}

/** Path of a district's feed in a language: /districts/medeu/rss.xml, /kk/districts/medeu/rss.xml. */
export function districtFeedPath(lang: Locale, slug: string): string {
  return lang === DEFAULT_LOCALE ? fileHref('districts', slug, 'rss.xml') : fileHref(lang, 'districts', slug, 'rss.xml');
}

const almatyDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Almaty', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Almaty, YYYY-MM-DD: content dates are Almaty dates (parsed as UTC midnight). */
export function dayOf(d: Date): string {
  return almatyDay.format(d);
}

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable tag for a source URL in a guid. */
function tag(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** "12 ноября 2025" as a title's opening: the Russian date without its closing "г.". */
function titleDate(lang: Locale, d: Date): string {
  const text = formatDate(lang, d);
  return lang === 'ru' ? text.replace(/\s*г\.$/, '') : text;
}

export interface ReportItems {
  items: FeedItem[];
  /** Projects with no report dated after `after`: not in the feed. */
  leftOut: number;
}

/**
 * One item per report dated after the day of `after` (the article's publication), newest first.
 * Reports are compared by calendar day: a report of the article's own day is not "after" it.
 */
export function reportItems(opts: {
  lang: Locale;
  projects: readonly FeedProject[];
  after: Date;
  projectLink: (id: string) => string;
  labels: FeedLabels;
}): ReportItems {
  const { lang, labels } = opts;
  const since = dayOf(opts.after);
  let leftOut = 0;
  const items: FeedItem[] = [];
  for (const p of opts.projects) {
    const later = p.history.filter((r): r is FeedReport & { date: Date } => r.date !== undefined && dayOf(r.date) > since);
    if (later.length === 0) leftOut += 1;
    const link = opts.projectLink(p.id);
    const title = projectTitle(p.title, lang).text;
    for (const r of later) {
      const wording = localised(r.wording, lang);
      const outlet = p.sources.find((s) => s.url === r.source)?.outlet ?? r.source;
      items.push({
        title: fill(labels.itemTitle, { date: titleDate(lang, r.date), title, stage: labels.stage[r.stage] }),
        link,
        guid: { value: `${link}#report-${dayOf(r.date)}-${tag(r.source)}`, isPermaLink: false },
        description: fill(labels.itemDescription, { outlet, wording: wording.text }) + (wording.ours ? ` (${labels.translated})` : ''),
        pubDate: r.date,
        categories: [labels.category[p.category]],
      });
    }
  }
  return { items: newestFirst(items), leftOut };
}

/** Items newest first; items of one day in link order, so the feed is the same on every build. */
export function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  return [...items].sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link) || a.guid.value.localeCompare(b.guid.value));
}

/** The article as an item: its permalink is its guid. */
export function articleItem(a: { title: string; description: string; link: string; published: Date }): FeedItem {
  return { title: a.title, description: a.description, link: a.link, guid: { value: a.link, isPermaLink: true }, pubDate: a.published };
}

const xml = escapeMarkup;

/** The item's `<guid>`, for @astrojs/rss's `customData` (which would otherwise use the link, shared by a project's reports). */
export function guidXml(item: FeedItem): string {
  return `<guid isPermaLink="${item.guid.isPermaLink}">${xml(item.guid.value)}</guid>`;
}

/** The channel's `<atom:link rel="self">`, which feed validators ask for; needs the atom namespace on <rss>. */
export function selfLinkXml(url: string): string {
  return `<atom:link href="${xml(url)}" rel="self" type="application/rss+xml"/>`;
}

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
