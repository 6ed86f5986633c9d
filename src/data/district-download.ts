/**
 * /data/districts.geojson: the simplified district outlines (OpenStreetMap, ODbL) with each
 * district's counts from the itemised list. Built once per build from the same content and outlines
 * as the maps, so the file and the pages always agree.
 */
import { dataAsOf, getDistricts, getProjectRecords, getStory } from './content.ts';
import { getOutlines } from './geo.ts';
import { districtsGeojson } from '../lib/district-geojson.ts';
import { ymd } from '../lib/export.ts';
import { href } from '../lib/paths.ts';
import { reconcile } from '../lib/reconcile.ts';
import { CATEGORIES, type Category } from '../lib/vocabulary.ts';

export interface DistrictsDownload {
  text: string;
  /** Districts in the file (features). */
  count: number;
}

const cache = new Map<string, Promise<DistrictsDownload>>();

/** The file's text for a site address (the district page URLs inside depend on it). */
export function districtsDownload(site: URL): Promise<DistrictsDownload> {
  let result = cache.get(site.href);
  if (!result) {
    result = build(site);
    cache.set(site.href, result);
  }
  return result;
}

async function build(site: URL): Promise<DistrictsDownload> {
  const [outlines, districts, records, asOf, { original }] = await Promise.all([getOutlines(), getDistricts(), getProjectRecords(), dataAsOf(), getStory('ru')]);
  const r = reconcile(records, original.data.claims!);
  const counts = r.byDistrict.map((row) => {
    const d = districts.find((x) => x.id === row.district);
    if (!d) throw new Error(`districts.geojson: no content/districts/${row.district}.md`);
    return {
      slug: row.district,
      name: d.data.name,
      itemised: Object.fromEntries(CATEGORIES.map((c) => [c, row.byCategory[c].itemised])) as Record<Category, number>,
      confirmed: row.confirmed,
      located: records.filter((p) => p.district === row.district && p.location).length,
      url: new URL(href('ru', 'districts', row.district), site).href,
    };
  });
  const doc = districtsGeojson(outlines, counts, { dataAsOf: ymd(asOf), documentation: new URL(href('ru', 'data'), site).href });
  return { text: `${JSON.stringify(doc)}\n`, count: doc.features.length };
}
