/**
 * Which pages have a share image and what each card shows, from the content alone: pure, so that the
 * build can work the cards out twice. src/data/share.ts does it from Astro's collections, and the
 * pages and the /og/ endpoint use that list. A build worker does it at the start of `astro build`
 * from what the content check read (src/integrations/early-share-images.ts), so that the workers draw
 * the cards while Astro bundles the site; the endpoint then finds its card drawn when the two lists
 * agree, and draws it when they do not (src/data/build-workers.ts).
 */
import { t } from '../i18n/index.ts';
import { fill, formatDate, formatNumber, pluralWord } from './format.ts';
import { fileHref, href } from './paths.ts';
import { cardText, PROJECT_IMAGES_UP_TO, type ShareCard } from './share-card.ts';
import { projectTitle } from './display.ts';
import { LOCALES, type Locale } from './vocabulary.ts';
import { OSM_CREDIT, type Outlines } from './outlines.ts';
import { unionBounds } from './geo.ts';
import { cityMap, modelToSvg, projectLocationMap } from './static-map.ts';
import { newestDate, newsSlug, storyOf, type StoryNews } from './story.ts';
import type { Project } from '../schemas/project.ts';
import type { District } from '../schemas/district.ts';
import type { Considered } from '../schemas/considered.ts';

export interface ShareImage {
  lang: Locale;
  /** File name without extension: `index`, `article`, `district-medeu`. */
  name: string;
  /** Path of the PNG, e.g. /og/kk/district-medeu.png. */
  src: string;
  /** Paths of the pages that use it. */
  pages: string[];
  card: ShareCard;
  /** The card's text as one sentence, for og:image:alt and twitter:image:alt. */
  alt: string;
}

/** What the cards are made from: the collections, each in the order the site lists it. */
export interface ShareContent {
  /** Every project, in list order (sortProjects). */
  projects: ReadonlyArray<{ id: string; data: Project }>;
  /** The districts, in the vocabulary's order. */
  districts: ReadonlyArray<{ id: string; data: Pick<District, 'name'> }>;
  news: ReadonlyArray<{ id: string; data: StoryNews }>;
  considered: ReadonlyArray<{ data: Pick<Considered, 'sources'> }>;
}

/** The card's picture: a map and the credit its licence asks for. */
type CardMap = NonNullable<ShareCard['map']>;

const MARK = '#b3261e';

/**
 * A located project's point on its district's map (its neighbours faint around it), for its share
 * card: the maps' own model (src/lib/static-map.ts) with the point drawn on top, as a filled dot where
 * the source gives the exact place and as a dashed ring round a dot where the point is approximate
 * (a street, a microdistrict), as the pages draw it; on the whole city where no source names the
 * district. Undefined where the project has no point: the card then has no picture rather than a
 * misleading one.
 */
export function projectInDistrict(p: { id: string; data: Project }, outlines: Outlines): CardMap | undefined {
  const { location, district } = p.data;
  if (!location) return undefined;
  // Names are not drawn (modelToSvg draws areas only); the card's text names the district.
  const named = (o: (typeof outlines.districts)[number]) => ({ ...o, name: o.slug });
  const point = { id: p.id, lat: location.lat, lon: location.lon, category: p.data.category, precision: location.precision, title: p.id };
  const model = projectLocationMap({ districts: outlines.districts.map(named), city: outlines.cityCoarse, district, points: [point], context: true });
  const marks = model.marks
    .map((m) =>
      location.precision === 'exact'
        ? `<circle cx="${m.x}" cy="${m.y}" r="20" fill="${MARK}" stroke="#ffffff" stroke-width="6"/>`
        : `<circle cx="${m.x}" cy="${m.y}" r="42" fill="none" stroke="${MARK}" stroke-width="7" stroke-dasharray="14 9"/><circle cx="${m.x}" cy="${m.y}" r="12" fill="${MARK}" stroke="#ffffff" stroke-width="5"/>`,
    )
    .join('');
  const svg = modelToSvg(model, { highlight: '#a3cbd6' }).replace('</svg>', `${marks}</svg>`);
  return { svg, width: model.width, height: model.height, credit: OSM_CREDIT };
}

/**
 * The city with one district highlighted, as a self-contained SVG for that district's share image,
 * with the credit the outlines' licence asks for (the card prints it under the picture).
 */
export function districtInCity(slug: string, outlines: Outlines): CardMap {
  const model = cityMap({
    districts: outlines.districts.map((o) => ({ ...o, name: o.slug, count: 0 })),
    city: outlines.cityCoarse,
    bounds: unionBounds(outlines.districts.map((o) => o.bounds))!,
    points: [],
    bare: true,
    highlight: slug,
  });
  return { svg: modelToSvg(model), width: model.width, height: model.height, credit: OSM_CREDIT };
}

/**
 * Every share image of the site, with its card. Without `outlines`, only the images that have no
 * map (the index, the article, /data/ and the unlocated projects): what a build worker can list
 * before the outlines are simplified, the first half of what it draws.
 */
export function shareImageList(content: ShareContent, outlines: Outlines | null): ShareImage[] {
  const { projects, districts } = content;
  const withProjects = projects.length <= PROJECT_IMAGES_UP_TO;
  // What no language changes, worked out once for all three: the pictures have no text, and the counts
  // are the same numbers.
  const projectMaps = new Map(outlines && withProjects ? projects.map((p) => [p.id, projectInDistrict(p, outlines)] as const) : []);
  const districtMaps = new Map(outlines ? districts.map((d) => [d.id, districtInCity(d.id, outlines)] as const) : []);
  const located = projects.filter((p) => p.data.location).length;
  const sources = projects.reduce((n, p) => n + p.data.sources.length, 0);
  const reports = projects.reduce((n, p) => n + p.data.history.length, 0);
  const own = new Map(districts.map((d) => [d.id, projects.filter((p) => p.data.district === d.id)] as const));
  const asOf = newestDate(projects, content.considered);
  const images: ShareImage[] = [];
  for (const lang of LOCALES) {
    const dict = t(lang);
    const { original, localised, claims } = storyOf(content.news, lang);
    const count = (n: number, qualifier: string, forms = dict.common.projects) => ({ value: formatNumber(lang, n), label: `${pluralWord(lang, n, forms)} ${qualifier}` });
    const announced = {
      value: fill(dict.reconcile.totalAnnounced, { n: claims.totalAtLeast }),
      label: `${pluralWord(lang, claims.totalAtLeast, dict.common.projects)} ${dict.share.announced}`,
    };
    const footer = fill(dict.share.asOf, { date: formatDate(lang, asOf) });
    const add = (name: string, pages: string[], card: ShareCard) => {
      const [kicker, title] = cardText(card);
      const stats = card.status ? `${card.status.text}, ${card.status.date}` : card.stats.map((s) => `${s.value} ${s.label}`).join(', ');
      images.push({
        lang,
        name,
        src: fileHref('og', lang, `${name}.png`),
        pages,
        card,
        alt: fill(dict.share.imageAlt, { kicker: kicker ?? '', title: title ?? '', stats, footer: card.footer }),
      });
    };

    add('index', [href(lang), href(lang, 'projects'), href(lang, 'districts')], {
      kicker: dict.meta.siteName,
      title: dict.home.title,
      // "Candidates": the list holds what sources name, which the akimat's list (not public) may not.
      stats: [announced, count(projects.length, dict.share.found, dict.common.candidates), count(located, dict.share.located)],
      footer,
    });

    add('article', [href(lang, 'news', newsSlug(original))], {
      kicker: `${localised.data.source.outlet} · ${formatDate(lang, localised.data.published)}`,
      title: localised.data.title,
      stats: [announced, count(projects.length, dict.share.found)],
      footer: `${dict.meta.siteName} · ${footer}`,
    });

    // /data/: what the files hold.
    const figure = (n: number, forms: readonly string[]) => ({ value: formatNumber(lang, n), label: pluralWord(lang, n, forms) });
    add('data', [href(lang, 'data')], {
      kicker: dict.meta.siteName,
      title: dict.data.title,
      stats: [count(projects.length, dict.share.found), figure(sources, dict.xlsx.readme.sources), figure(reports, dict.feeds.reports)],
      footer: `${dict.files.shareFormats} · ${footer}`,
    });

    for (const d of districts) {
      // The district highlighted within the city, with the OpenStreetMap credit under it.
      const map = districtMaps.get(d.id);
      if (!map) continue;
      const mine = own.get(d.id) ?? [];
      // The district page and its embed share the district's image.
      add(`district-${d.id}`, [href(lang, 'districts', d.id), href(lang, 'embed', 'districts', d.id)], {
        kicker: dict.meta.siteName,
        title: d.data.name[lang],
        stats: [count(mine.length, dict.share.found, dict.common.candidates), count(mine.filter((p) => p.data.location).length, dict.share.located)],
        footer,
        map,
      });
    }

    // Every project page, while the list is small enough to draw them all (PROJECT_IMAGES_UP_TO): the
    // title, the district, the status as the latest report words it and that report's date.
    if (withProjects) {
      const names: Record<string, string> = Object.fromEntries(districts.map((d) => [d.id, d.data.name[lang]]));
      for (const p of projects) {
        if (!outlines && p.data.location) continue;
        const { status, district } = p.data;
        add(`project-${p.id}`, [href(lang, 'projects', p.id)], {
          kicker: (district && names[district]) ?? dict.files.projectNoDistrict,
          title: projectTitle(p.data.title, lang).text,
          status: {
            text: fill(dict.files.projectStatus, { stage: dict.labels.stage[status.stage] }),
            date: status.date ? fill(dict.files.projectDate, { date: formatDate(lang, status.date) }) : dict.files.projectUndated,
          },
          stats: [],
          footer,
          map: projectMaps.get(p.id),
        });
      }
    }
  }
  return images;
}
