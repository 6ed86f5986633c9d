/**
 * /districts/: the city map with a circle per district, the itemised projects per district and
 * category, and the city's reconciliation (the only place announced figures exist).
 */
import { t } from '~/i18n/index.ts';
import { boundsOf } from '~/lib/geo.ts';
import { districtBubbles, projectMarkers } from '~/lib/map-data.ts';
import { href } from '~/lib/paths.ts';
import { CATEGORIES, type Category, type Locale } from '~/lib/vocabulary.ts';
import { cityReconciliation, getDistrictMap, getDistricts, getProjectRecords } from '~/data/content.ts';
import { mapLabels } from './shared.ts';

export async function districtsView(lang: Locale) {
  const dict = t(lang);
  const [districts, byId, records, summary] = await Promise.all([getDistricts(), getDistrictMap(), getProjectRecords(), cityReconciliation()]);
  const counts = (byCategory: Record<Category, { itemised: number }>) =>
    Object.fromEntries(CATEGORIES.map((c) => [c, byCategory[c].itemised])) as Record<Category, number>;
  const rows = summary.byDistrict.flatMap((row) => {
    const d = byId.get(row.district);
    return d ? [{ slug: d.id, name: d.data.name[lang], href: href(lang, 'districts', d.id), centre: d.data.geometry.centre, byCategory: counts(row.byCategory), itemised: row.itemised, confirmed: row.confirmed }] : [];
  });
  return {
    title: dict.district.title,
    description: dict.district.indexDescription,
    map: {
      features: projectMarkers(records, lang, mapLabels(lang), (id) => href(lang, 'projects', id)),
      bubbles: districtBubbles(rows, lang, mapLabels(lang), (slug) => href(lang, 'districts', slug)),
      // Framed on the district centres and the located projects rather than the full district
      // polygons, whose mountain parts in the south would shrink the city to a corner of the map.
      bounds: boundsOf([...districts.map((d) => d.data.geometry.centre), ...records.flatMap((p) => (p.location ? [p.location] : []))]),
    },
    /** One row per district, and the projects whose district no source names. */
    rows,
    unassigned: { byCategory: counts(summary.unassigned.byCategory), itemised: summary.unassigned.itemised, confirmed: summary.unassigned.confirmed },
    summary,
  };
}

export type DistrictsView = Awaited<ReturnType<typeof districtsView>>;
