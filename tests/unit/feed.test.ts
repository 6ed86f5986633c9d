import { afterEach, describe, expect, test, vi } from 'vitest';
import { articleItem, dayOf, districtFeedPath, feedPath, guidXml, newestFirst, reportItems, selfLinkXml, type FeedLabels, type FeedProject } from '../../src/lib/feed.ts';

// Hand-made projects; not real ones.
const projects: FeedProject[] = [
  {
    id: 'fx-old',
    title: { ru: 'Старый сквер', en: 'Old square', translated: ['en'] },
    category: 'infrastructure',
    sources: [{ url: 'https://example.org/a', outlet: 'Пример А' }],
    // Reported once, before the article: not news after it.
    history: [{ stage: 'completed', wording: { ru: 'завершён', en: 'completed', translated: ['en'] }, date: new Date('2025-09-01'), source: 'https://example.org/a' }],
  },
  {
    id: 'fx-new',
    title: { ru: 'Новая школа', kk: 'Жаңа мектеп', translated: ['kk'] },
    category: 'social',
    sources: [
      { url: 'https://example.org/b', outlet: 'Пример Б' },
      { url: 'https://example.org/c', outlet: 'Пример В' },
    ],
    history: [
      { stage: 'in-progress', wording: { ru: 'строится' }, date: new Date('2025-10-01'), source: 'https://example.org/b' },
      // The article's own day (published 18:43 Almaty time) is not "after" it.
      { stage: 'nearly-completed', wording: { ru: 'почти готова' }, date: new Date('2025-10-23'), source: 'https://example.org/b' },
      { stage: 'nearly-completed', wording: { ru: 'почти завершена' }, date: new Date('2025-11-12'), source: 'https://example.org/b' },
      { stage: 'opened', wording: { ru: 'открыта', kk: 'ашылды', translated: ['kk'] }, date: new Date('2025-11-20'), source: 'https://example.org/c' },
    ],
  },
  {
    id: 'fx-undated',
    title: { ru: 'Без даты' },
    category: 'utilities',
    sources: [{ url: 'https://example.org/d', outlet: 'Пример Г' }],
    // No date at all: a feed cannot place it, and must not invent a date.
    history: [{ stage: 'in-progress', wording: { ru: 'в работе' }, source: 'https://example.org/d' }],
  },
];

const labels: FeedLabels = {
  itemTitle: '{date}: {title} — статус: {stage}',
  itemDescription: '{outlet}: «{wording}»',
  translated: 'наш перевод',
  stage: { opened: 'открыт', completed: 'завершён', 'nearly-completed': 'почти завершён', 'in-progress': 'в работе', planned: 'план', conflicting: 'расходятся' },
  category: { social: 'соц', infrastructure: 'инфра', industry: 'пром', utilities: 'ком' },
};

const article = { title: 'Новость', description: 'Лид', link: 'https://example.org/news/x/', published: new Date('2025-10-23T18:43:00+05:00') };
const build = (lang: 'ru' | 'kk' | 'en') =>
  reportItems({ lang, projects, after: article.published, projectLink: (id) => `https://example.org/projects/${id}/`, labels });

describe('reportItems', () => {
  test('one item per report dated after the article, newest first', () => {
    const { items } = build('ru');
    expect(items.map((i) => [i.link, i.pubDate.toISOString().slice(0, 10)])).toEqual([
      ['https://example.org/projects/fx-new/', '2025-11-20'],
      ['https://example.org/projects/fx-new/', '2025-11-12'],
    ]);
  });

  test('every item has a date; projects with nothing dated after the article are counted, not listed', () => {
    const { items, leftOut } = build('ru');
    for (const i of items) expect(i.pubDate).toBeInstanceOf(Date);
    // fx-old (reported before the article) and fx-undated (no date).
    expect(leftOut).toBe(2);
  });

  test('titles read "12 ноября 2025: <project> — статус: <stage>" and name the source in the description', () => {
    const item = build('ru').items.find((i) => i.pubDate.toISOString().startsWith('2025-11-12'));
    expect(item?.title).toBe('12 ноября 2025: Новая школа — статус: почти завершён');
    expect(item?.description).toBe('Пример Б: «почти завершена»');
    expect(item?.categories).toEqual(['соц']);
  });

  test.each([
    // The Kazakh feed uses the Kazakh title and wording, and marks a wording we translated.
    ['kk', 'Жаңа мектеп', 'Пример В: «ашылды» (наш перевод)'],
    // Where a language has no text, the Russian stands (unmarked: it is the source's).
    ['en', 'Новая школа', 'Пример В: «открыта»'],
  ] as const)('%s', (lang, title, description) => {
    const item = build(lang).items[0];
    expect(item?.title).toContain(title);
    expect(item?.description).toBe(description);
  });

  test('guids are stable per report and differ between a project’s reports', () => {
    const [a, b] = build('ru').items;
    expect(a?.guid.isPermaLink).toBe(false);
    expect(a?.guid.value).toMatch(/^https:\/\/example\.org\/projects\/fx-new\/#report-2025-11-20-[0-9a-f]{8}$/);
    expect(a?.guid.value).not.toBe(b?.guid.value);
    expect(build('ru').items.map((i) => i.guid.value)).toEqual(build('ru').items.map((i) => i.guid.value));
  });
});

describe('the article item and the order', () => {
  test('the article is its own permalink, and sorts among the reports by date', () => {
    const items = newestFirst([articleItem(article), ...build('ru').items]);
    expect(items.map((i) => i.link)).toEqual(['https://example.org/projects/fx-new/', 'https://example.org/projects/fx-new/', 'https://example.org/news/x/']);
    expect(items[2]?.guid).toEqual({ value: 'https://example.org/news/x/', isPermaLink: true });
  });

  test('dayOf is the Almaty calendar day', () => {
    // 20:00 UTC on the 22nd is 01:00 on the 23rd in Almaty (UTC+5).
    expect(dayOf(new Date('2025-10-22T20:00:00Z'))).toBe('2025-10-23');
    expect(dayOf(new Date('2025-11-12'))).toBe('2025-11-12');
  });
});

describe('XML pieces', () => {
  test('guid and self link are escaped', () => {
    expect(guidXml({ ...articleItem({ ...article, link: 'https://example.org/?a=1&b=2' }) })).toBe('<guid isPermaLink="true">https://example.org/?a=1&amp;b=2</guid>');
    expect(selfLinkXml('https://example.org/rss.xml')).toBe('<atom:link href="https://example.org/rss.xml" rel="self" type="application/rss+xml"/>');
  });
});

describe('feed paths', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test.each([
    // Russian is at the root, like its pages.
    ['ru', '/', '/rss.xml'],
    ['kk', '/', '/kk/rss.xml'],
    // Under a base path (BASE_PATH), with or without its trailing slash.
    ['en', '/site/', '/site/en/rss.xml'],
    ['ru', '/site', '/site/rss.xml'],
  ] as const)('%s under %s → %s', (lang, base, expected) => {
    vi.stubEnv('BASE_URL', base);
    expect(feedPath(lang)).toBe(expected);
  });

  test.each([
    ['ru', '/', '/districts/medeu/rss.xml'],
    ['kk', '/site/', '/site/kk/districts/medeu/rss.xml'],
  ] as const)('district feed %s under %s → %s', (lang, base, expected) => {
    vi.stubEnv('BASE_URL', base);
    expect(districtFeedPath(lang, 'medeu')).toBe(expected);
  });
});
