/**
 * The 404 page (dist/404.html). Hosts serve that one file for every unknown address, in any language
 * folder, so the page helps in all three languages at once: for each, a search over the projects
 * (a form to /projects/?q=…, which the index reads), the districts and the home page.
 */
import { t } from '~/i18n/index.ts';
import { href } from '~/lib/paths.ts';
import { LOCALES } from '~/lib/vocabulary.ts';
import { getDistricts } from '~/data/content.ts';

export async function notFoundView() {
  const districts = await getDistricts();
  const sections = LOCALES.map((lang) => {
    const dict = t(lang);
    return {
      lang,
      heading: dict.meta.langName,
      siteName: dict.meta.siteName,
      ...dict.notFound,
      searchAction: href(lang, 'projects'),
      homeHref: href(lang),
      projectsHref: href(lang, 'projects'),
      districtList: districts.map((d) => ({ name: d.data.name[lang], href: href(lang, 'districts', d.id) })),
    };
  });
  return {
    /** "Страница не найдена · Бет табылмады · Page not found". */
    title: sections.map((s) => s.title).join(' · '),
    description: sections.map((s) => s.intro).join(' '),
    sections,
  };
}
