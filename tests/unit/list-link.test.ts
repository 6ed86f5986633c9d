import { describe, expect, test } from 'vitest';
import { listLinkPlace } from '../../src/lib/list-link.ts';

describe('listLinkPlace', () => {
  test.each([
    // The article as published: the sentence with the link closes it.
    ['Первый абзац.\n\nПолный перечень объектов можно посмотреть [по этой ссылке](../../projects/).\n', 'last'],
    // A paragraph over two lines, and Windows line ends, are one paragraph.
    ['Абзац.\r\n\r\nПолный перечень\nсм. [здесь](../../projects/).', 'last'],
    // Filtered links ("20 проектов") are not the full-list link.
    ['Реализуется [20 проектов](../../projects/?category=social).\n\nКонец.', 'none'],
    // The full-list link moved up: the note after the body would no longer stand next to it.
    ['Смотрите [перечень](../../projects/).\n\nПоследний абзац без ссылки.', 'elsewhere'],
  ] as const)('%j → %s', (body, place) => {
    expect(listLinkPlace(body)).toBe(place);
  });
});
