/**
 * The "cite this page" text, split into parts so the page can mark the title's language (a Russian
 * project title on the Kazakh or English page) while the copied text stays one plain line.
 */

export interface CitationValues {
  title: string;
  site: string;
  date: string;
  url: string;
}

export interface CitationPart {
  /** The placeholder this part fills, or undefined for the template's own words. */
  field?: keyof CitationValues;
  text: string;
}

/**
 * `«{title}» — {site}. Данные по состоянию на {date}. {url}` → parts in order. An unknown
 * placeholder stays visible as written, so a typo in a dictionary shows up on the page.
 */
export function citationParts(template: string, values: CitationValues): CitationPart[] {
  // Inside «…» quotes, Russian and Kazakh typography quote again with „…“: «Школа „Жастар“».
  if (template.includes('«{title}»')) values = { ...values, title: values.title.replaceAll('«', '„').replaceAll('»', '“') };
  return template
    .split(/(\{\w+\})/)
    .filter((s) => s !== '')
    .map((s) => {
      const key = /^\{(\w+)\}$/.exec(s)?.[1];
      return key && key in values ? { field: key as keyof CitationValues, text: values[key as keyof CitationValues] } : { text: s };
    });
}

/** The citation as one line of plain text: what the copy button puts on the clipboard. */
export function citationText(template: string, values: CitationValues): string {
  return citationParts(template, values)
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
