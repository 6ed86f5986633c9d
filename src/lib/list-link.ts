/**
 * Where the article's editor's note goes. The article closes with the published sentence "Полный
 * перечень объектов можно посмотреть по этой ссылке"; in the original the link led to the akimat's
 * list, which is not available, and here it leads to our list. The note that says so is ours, in the
 * page's language and with numbers from the data, so it cannot be written into the article's Markdown
 * (the publisher's text, with no HTML allowed): the article page places it after the body, which is
 * right next to that sentence as long as the sentence closes the article. This module finds out
 * whether it does. Pure, so the rule is unit-tested once.
 */

/** The link to our full, unfiltered list as the article writes it (relative, see content/README.md). */
export const LIST_LINK = '../../projects/';

/** Where a Markdown body links to our full list: nowhere, in its last paragraph, or only earlier. */
export type ListLinkPlace = 'none' | 'last' | 'elsewhere';

const linksToList = (markdown: string) => markdown.includes(`](${LIST_LINK})`);

export function listLinkPlace(body: string): ListLinkPlace {
  if (!linksToList(body)) return 'none';
  const paragraphs = body
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return linksToList(paragraphs.at(-1) ?? '') ? 'last' : 'elsewhere';
}
