/**
 * The licences the site names, defined once: /data/, the Dataset JSON-LD, the spreadsheet's README
 * and the README all read them. The project stated no licence before; we chose CC BY 4.0 for our
 * compilation and our own texts (README "Licence"). The article is Zakon.kz's and quotes belong to
 * their publishers: no licence of ours covers them.
 */
export interface Licence {
  /** SPDX identifier. */
  id: string;
  /** The licence's canonical address (schema.org `license` takes a URL). */
  url: string;
}

/** Our compilation (choice of projects, fields, files) and the texts we wrote. */
export const CONTENT_LICENCE: Licence = { id: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/**
 * What a downloaded JSON or GeoJSON file says of its own licence, in the file (`license`), since a file
 * travels without the /data/ page that explains it.
 */
export const FILE_LICENCE = `${CONTENT_LICENCE.id} (${CONTENT_LICENCE.url}): the compilation and the texts we wrote; the article and quotes from sources belong to their publishers`;
