import { afterEach, describe, expect, test, vi } from 'vitest';
import { feedItems, feedPath, type FeedProject } from '../../src/lib/feed.ts';

// Hand-made projects; not real ones.
const projects: FeedProject[] = [
  { id: 'fx-old', title: { ru: 'Старый сквер' }, category: 'infrastructure', status: { wording: { ru: 'завершён', en: 'completed' }, date: new Date('2025-09-01') } },
  { id: 'fx-new', title: { ru: 'Новая школа', kk: 'Жаңа мектеп' }, category: 'social', status: { wording: { ru: 'открыта' }, date: new Date('2025-11-05') } },
  { id: 'fx-undated', title: { ru: 'Без даты' }, category: 'utilities', status: { wording: { ru: 'в работе' } } },
];

const items = (lang: 'ru' | 'kk' | 'en') =>
  feedItems({
    lang,
    article: { title: 'Новость', description: 'Лид', link: 'https://example.org/news/x/', published: new Date('2025-10-23T13:43:00Z') },
    projects,
    projectLink: (id) => `https://example.org/projects/${id}/`,
    statusTemplate: 'Статус: {wording}',
    categoryLabel: (c) => `cat:${c}`,
  });

describe('feedItems', () => {
  test('lists the article and every project, newest first, undated last', () => {
    expect(items('ru').map((i) => i.link)).toEqual([
      'https://example.org/projects/fx-new/',
      'https://example.org/news/x/',
      'https://example.org/projects/fx-old/',
      'https://example.org/projects/fx-undated/',
    ]);
  });

  test('dates a project by its status report and invents no date where there is none', () => {
    const byLink = Object.fromEntries(items('ru').map((i) => [i.link, i]));
    expect(byLink['https://example.org/projects/fx-new/']?.pubDate).toEqual(new Date('2025-11-05'));
    expect(byLink['https://example.org/projects/fx-undated/']).not.toHaveProperty('pubDate');
  });

  test.each([
    // The Kazakh feed uses a Kazakh title only where the content has one.
    ['kk', 'fx-new', 'Жаңа мектеп', 'Статус: открыта'],
    ['kk', 'fx-old', 'Старый сквер', 'Статус: завершён'],
    // The English feed takes the English status wording where there is one, else the Russian.
    ['en', 'fx-old', 'Старый сквер', 'Статус: completed'],
    ['en', 'fx-new', 'Новая школа', 'Статус: открыта'],
  ] as const)('%s %s → %s / %s', (lang, id, title, description) => {
    const item = items(lang).find((i) => i.link.endsWith(`/${id}/`));
    expect(item).toMatchObject({ title, description, categories: [`cat:${projects.find((p) => p.id === id)?.category}`] });
  });
});

describe('feedPath', () => {
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
});
