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
  const parts: CitationPart[] = template
    .split(/(\{\w+\})/)
    .filter((s) => s !== '')
    .map((s) => {
      const key = /^\{(\w+)\}$/.exec(s)?.[1];
      return key && key in values ? { field: key as keyof CitationValues, text: values[key as keyof CitationValues] } : { text: s };
    });
  // A value that ends with a full stop ("15 января 2026 г.") already closes the sentence: drop the
  // template's own full stop after it rather than print "г..".
  return parts.map((p, i) => {
    const prev = parts[i - 1];
    return !p.field && prev?.field && prev.text.endsWith('.') && p.text.startsWith('.') ? { text: p.text.slice(1) } : p;
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
