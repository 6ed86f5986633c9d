/**
 * schema.org JSON-LD for the pages, built from plain values so it can be unit-tested. Pages pass
 * absolute URLs; `jsonLd()` serialises for a `<script type="application/ld+json">` data block.
 */

export type JsonLdNode = Record<string, unknown>;

/** One step of a breadcrumb trail: its visible name and absolute URL. */
export interface Crumb {
  name: string;
  url: string;
}

/** schema.org BreadcrumbList; positions start at 1 as the vocabulary requires. */
export function breadcrumbList(trail: readonly Crumb[]): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url })),
  };
}

/** The city every district and project is in. */
const ALMATY = { '@type': 'City', name: 'Almaty', alternateName: ['Алматы'] };

export interface NewsArticleInput {
  headline: string;
  description: string;
  url: string;
  inLanguage: string;
  datePublished: Date;
  /** Our last correction of this version's text; without one, the publication date. */
  dateModified?: Date | undefined;
  author: string;
  /** The outlet of the original publication and the original's URL. */
  original: { publisher: string; url: string };
  /** This site, which publishes the page: its name, home page and logo (a PNG, as search engines ask). */
  site: { name: string; url: string; logo: { url: string; width: number; height: number } };
  image?: string | undefined;
  /** For our translations: the URL of the original on this site. Our site is the translator. */
  translation?: { of: string } | undefined;
}

/**
 * schema.org NewsArticle for the article page (the original or our translation). This page is
 * published by this site (the publisher, with its logo); the text is the outlet's article, named as
 * what the page is based on, with the outlet as that work's publisher, so that neither is passed off
 * as the other.
 */
export function newsArticle(a: NewsArticleInput): JsonLdNode {
  const site = { '@type': 'Organization', name: a.site.name, url: a.site.url };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    url: a.url,
    mainEntityOfPage: a.url,
    inLanguage: a.inLanguage,
    datePublished: a.datePublished.toISOString(),
    dateModified: (a.dateModified ?? a.datePublished).toISOString(),
    author: { '@type': 'Person', name: a.author },
    publisher: {
      ...site,
      logo: { '@type': 'ImageObject', url: a.site.logo.url, width: a.site.logo.width, height: a.site.logo.height },
    },
    isBasedOn: { '@type': 'NewsArticle', url: a.original.url, publisher: { '@type': 'Organization', name: a.original.publisher } },
    ...(a.translation ? { translationOfWork: { '@type': 'NewsArticle', url: a.translation.of }, translator: site } : {}),
    ...(a.image ? { image: a.image } : {}),
    contentLocation: ALMATY,
  };
}

export interface DatasetInput {
  name: string;
  description: string;
  url: string;
  inLanguage: string;
  /** The "data as of" date. */
  dateModified: Date;
  /** First and last status report dates: the period the data describes. */
  temporalCoverage?: { from: Date; to: Date } | undefined;
  creator: { name: string; url: string };
  keywords: readonly string[];
  /** The files; `license` where a file has terms of its own (the district outlines: ODbL). */
  downloads: ReadonlyArray<{ url: string; encodingFormat: string; contentSize: string; name: string; license?: string | undefined }>;
  /** Where the facts come from (the original article). */
  isBasedOn?: string | undefined;
  /** The licence of the data (a URL, as schema.org and Google's dataset search read it). */
  license: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/** schema.org Dataset with one DataDownload per file, for /data/. */
export function dataset(d: DatasetInput): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    name: d.name,
    description: d.description,
    url: d.url,
    inLanguage: d.inLanguage,
    dateModified: day(d.dateModified),
    ...(d.temporalCoverage ? { temporalCoverage: `${day(d.temporalCoverage.from)}/${day(d.temporalCoverage.to)}` } : {}),
    spatialCoverage: { '@type': 'Place', name: 'Almaty', containedInPlace: { '@type': 'Country', name: 'Kazakhstan' } },
    creator: { '@type': 'Organization', name: d.creator.name, url: d.creator.url },
    isAccessibleForFree: true,
    license: d.license,
    keywords: [...d.keywords],
    ...(d.isBasedOn ? { isBasedOn: d.isBasedOn } : {}),
    distribution: d.downloads.map((f) => ({
      '@type': 'DataDownload',
      name: f.name,
      encodingFormat: f.encodingFormat,
      contentUrl: f.url,
      contentSize: f.contentSize,
      ...(f.license ? { license: f.license } : {}),
    })),
  };
}

export interface PlaceInput {
  name: string;
  /** The name in the other languages. */
  alternateName: readonly string[];
  url: string;
  description: string;
}

/** schema.org AdministrativeArea (a Place) for a district page, inside Almaty. */
export function districtPlace(p: PlaceInput): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'AdministrativeArea',
    name: p.name,
    alternateName: [...p.alternateName],
    url: p.url,
    description: p.description,
    containedInPlace: ALMATY,
  };
}

/**
 * Serialises for an inline data block. JSON.stringify leaves "<", ">" and "&" as they are, so a value
 * containing "</script>" would end the element early; escaping them (and the two line separators
 * that old parsers treat as line ends) keeps the JSON identical once parsed.
 */
export function jsonLd(data: JsonLdNode | readonly JsonLdNode[]): string {
  return JSON.stringify(data)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026')
    .replaceAll('\u2028', '\\u2028')
    .replaceAll('\u2029', '\\u2029');
}
