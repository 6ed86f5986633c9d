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
  author: string;
  /** The outlet of the original publication and the original's URL. */
  publisher: { name: string; url: string };
  image?: string | undefined;
  /** For our translations: the URL of the original on this site, and who translated it. */
  translation?: { of: string; by: string } | undefined;
}

/** schema.org NewsArticle for the article page (the original or our translation). */
export function newsArticle(a: NewsArticleInput): JsonLdNode {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.headline,
    description: a.description,
    url: a.url,
    mainEntityOfPage: a.url,
    inLanguage: a.inLanguage,
    datePublished: a.datePublished.toISOString(),
    author: { '@type': 'Person', name: a.author },
    publisher: { '@type': 'Organization', name: a.publisher.name, url: a.publisher.url },
    isBasedOn: a.publisher.url,
    ...(a.translation
      ? { translationOfWork: { '@type': 'NewsArticle', url: a.translation.of }, translator: { '@type': 'Organization', name: a.translation.by } }
      : {}),
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
