/**
 * Numbers the browser writes (the project index's live counts) formatted as the build formats them
 * (src/lib/format.ts, formatNumber). A module of its own so that the pages' other scripts, which share
 * format.ts, do not carry it.
 */
/** The number a page formats at build time, for the browser to compare its own formatting with. */
export const NUMBER_SAMPLE = 12345;

/**
 * Formats numbers in the browser as the build does: with the browser's own Intl, unless it writes the
 * sample differently from the build (`sample`, formatNumber of NUMBER_SAMPLE). Debian's Chromium, for
 * one, has no Kazakh number data and writes 2366 as "2,366", which a Kazakh reader takes for a decimal;
 * whole numbers are then grouped in threes with the build's separator instead.
 */
export function numberFormatter(locale: string, sample?: string): (n: number) => string {
  const intl = new Intl.NumberFormat(locale);
  if (!sample || intl.format(NUMBER_SAMPLE) === sample) return (n) => intl.format(n);
  const group = sample.replace(/\d/g, '');
  return (n) => (Number.isInteger(n) && n >= 0 ? String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group) : intl.format(n));
}
