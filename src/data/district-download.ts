/**
 * /data/districts.geojson: the simplified district outlines (OpenStreetMap, ODbL) with each
 * district's counts from the itemised list. Built once per build from the same content and outlines
 * as the maps, so the file and the pages always agree.
 */
import { cityReconciliation, dataAsOf, getDistrictMap, getProjectRecords } from './content.ts';
import { getOutlines } from './geo.ts';
import { districtsGeojson } from '~/lib/district-geojson.ts';
import { ymd } from '~/lib/export.ts';
import { absolute, href } from '~/lib/paths.ts';
import { CATEGORIES, type Category } from '~/lib/vocabulary.ts';
import { once } from '~/lib/once.ts';

export interface DistrictsDownload {
  text: string;
  /** Districts in the file (features). */
  count: number;
}

/** The file's text, made once per build. */
export const districtsDownload = once(build);

async function build(): Promise<DistrictsDownload> {
  const [outlines, byId, records, asOf, summary] = await Promise.all([getOutlines(), getDistrictMap(), getProjectRecords(), dataAsOf(), cityReconciliation()]);
  const counts = summary.byDistrict.map((row) => {
    const d = byId.get(row.district);
    if (!d) throw new Error(`districts.geojson: no content/districts/${row.district}.md`);
    return {
      slug: row.district,
      name: { ru: d.data.name.ru, kk: d.data.name.kk, en: d.data.name.en },
      itemised: Object.fromEntries(CATEGORIES.map((c) => [c, row.byCategory[c].itemised])) as Record<Category, number>,
      confirmed: row.confirmed,
      located: records.filter((p) => p.district === row.district && p.location).length,
      url: absolute(href('ru', 'districts', row.district)),
    };
  });
  const doc = districtsGeojson(outlines, counts, { dataAsOf: ymd(asOf), documentation: absolute(href('ru', 'data')) });
  return { text: `${JSON.stringify(doc)}\n`, count: doc.features.length };
}
