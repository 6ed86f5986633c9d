/**
 * On the 404 page (one file for every language folder), puts the site name, the heading line and the
 * section in the language of the address the reader asked for first: /kk/… Kazakh, /en/… English, anything else Russian, as the
 * site's own paths say (src/lib/paths.ts, base path included). Without JavaScript the three sections
 * stand in their order, Russian first, and the page works the same.
 */
import { localeOf } from '~/lib/paths.ts';

const lang = localeOf(location.pathname);
const headingLines = () => [...document.querySelectorAll('h1[data-languages] > [data-lang]')].map((e) => e.textContent?.trim() ?? '').join(' · ');
const titleBefore = headingLines();
// The site name, the heading (whose first line is the large one) and the sections.
for (const list of document.querySelectorAll('[data-languages]')) {
  const own = list.querySelector(`:scope > [data-lang="${lang}"]`);
  if (own && list.firstElementChild !== own) list.prepend(own);
}
// The tab's title names the page in the same order, so it too starts in the reader's language. The
// page's own language stays Russian: the header and footer around the three sections are Russian.
document.title = document.title.replace(titleBefore, headingLines());
