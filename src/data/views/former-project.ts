/**
 * /projects/<formerId>/: the address of a project that was taken off the list. Journalists linked to
 * these pages; rather than a 404, the old address says the item was considered and not included, why,
 * with its sources, and links to its entry on /data/. Not indexed and not in the sitemap: the page is
 * there for old links, not for search (src/lib/sitemap.ts `isFormerProjectPath`).
 */
import { t } from '~/i18n/index.ts';
import { localised, translationMode } from '~/lib/display.ts';
import { fill } from '~/lib/format.ts';
import { CONSIDERED_REASON_LABELS } from '~/lib/inclusion.ts';
import { href } from '~/lib/paths.ts';
import type { Locale } from '~/lib/vocabulary.ts';
import { getConsidered, type ConsideredEntry } from '~/data/content.ts';

/** getStaticPaths of the former project pages: one per considered item that has a `formerId`. */
export async function formerProjectIds(): Promise<Array<{ params: { former: string }; props: { id: string } }>> {
  return (await getConsidered()).flatMap((c) => (c.data.formerId ? [{ params: { former: c.data.formerId }, props: { id: c.data.formerId } }] : []));
}

async function byFormerId(id: string): Promise<ConsideredEntry> {
  const item = (await getConsidered()).find((c) => c.data.formerId === id);
  if (!item) throw new Error(`content/considered: no item has formerId ${id}`);
  return item;
}

export async function formerProjectView(id: string, lang: Locale) {
  const dict = t(lang);
  const item = await byFormerId(id);
  const c = item.data;
  const title = localised(c.title, lang);
  const explanation = localised(c.explanation, lang);
  const reason = CONSIDERED_REASON_LABELS[lang][c.reason];
  return {
    title,
    description: fill(dict.former.description, { reason }),
    kicker: dict.former.kicker,
    lead: fill(dict.former.lead, { reason }),
    explanation,
    // Both texts ours: said once; one of them: that one is marked (OursMark.astro).
    translationNote: translationMode([title, explanation]) === 'all' ? dict.translation.explain : undefined,
    marks: translationMode([title, explanation]) === 'some',
    sources: c.sources,
    /** The item's entry in the "considered, not included" list on /data/. */
    entry: { href: `${href(lang, 'data')}#considered-${item.id}`, text: dict.former.more },
    projects: { href: href(lang, 'projects'), text: dict.former.projects },
  };
}
