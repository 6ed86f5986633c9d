/**
 * Numbers the browser writes (the project index's live counts) formatted as the build formats them
 * (src/lib/format.ts, formatNumber). A module of its own so that the pages' other scripts, which share
 * format.ts, do not carry it.
 */
/** The number a page formats at build time, for the browser to read the build's group separator from (four to six digits: one separator). */
export const NUMBER_SAMPLE = 12345;

/**
 * NUMBER_SAMPLE grouped in threes from the right, capturing the separator (maybe none) before its last
 * three digits; a sample written any other way (other digits, other grouping) leaves every number to Intl.
 */
const SAMPLE_DIGITS = String(NUMBER_SAMPLE);
const SAMPLE_GROUPED = new RegExp(`^${SAMPLE_DIGITS.slice(0, -3)}(\\D*)${SAMPLE_DIGITS.slice(-3)}$`);

/**
 * Formats numbers in the browser as the build does. Whole numbers (the index's counts, the only numbers
 * it writes) are grouped in threes with the separator the build put in `sample` (formatNumber of
 * NUMBER_SAMPLE), which is how the build writes them in the site's three languages. Other numbers, and
 * every number when there is no usable sample, go to the browser's Intl.NumberFormat, made on first use.
 *
 * Why not Intl for everything: making the first Intl.NumberFormat of a page loads the language's number
 * data, and on the index page that took 50-65 ms of the load in Chromium here, the largest piece of its
 * script's work. And Debian's Chromium, for one, has no Kazakh number data and writes 2366 as "2,366",
 * which a Kazakh reader takes for a decimal; the build's separator is right whatever the browser has.
 */
export function numberFormatter(locale: string, sample?: string): (n: number) => string {
  let intl: Intl.NumberFormat | undefined;
  const withIntl = (n: number) => (intl ??= new Intl.NumberFormat(locale)).format(n);
  const group = sample === undefined ? undefined : SAMPLE_GROUPED.exec(sample)?.[1];
  if (group === undefined) return withIntl;
  return (n) => (Number.isInteger(n) && n >= 0 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group) : withIntl(n));
}
