/**
 * /districts/: the city map (the eight districts shaded by their itemised projects), the itemised
 * projects per district and category, and the city's reconciliation (the only place announced
 * figures exist).
 */
import { t } from '~/i18n/index.ts';
import { href } from '~/lib/paths.ts';
import { CATEGORIES, type Category, type Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getDistrictMap } from '~/data/content.ts';
import { cityMapData } from './shared.ts';

export async function districtsView(lang: Locale) {
  const dict = t(lang);
  const [byId, summary] = await Promise.all([getDistrictMap(), cityReconciliation()]);
  const counts = (byCategory: Record<Category, { itemised: number }>) =>
    Object.fromEntries(CATEGORIES.map((c) => [c, byCategory[c].itemised])) as Record<Category, number>;
  const rows = summary.byDistrict.flatMap((row) => {
    const d = byId.get(row.district);
    return d ? [{ slug: d.id, name: d.data.name[lang], href: href(lang, 'districts', d.id), byCategory: counts(row.byCategory), itemised: row.itemised, confirmed: row.confirmed }] : [];
  });
  return {
    title: dict.district.title,
    description: dict.district.indexDescription,
    /** What CityMap draws. */
    map: await cityMapData(lang),
    /** One row per district, and the projects whose district no source names. */
    rows,
    unassigned: { byCategory: counts(summary.unassigned.byCategory), itemised: summary.unassigned.itemised, confirmed: summary.unassigned.confirmed },
    summary,
  };
}

export type DistrictsView = Awaited<ReturnType<typeof districtsView>>;
