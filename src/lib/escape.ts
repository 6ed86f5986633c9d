/**
 * Text made safe to put into HTML, SVG or XML, as element content or a double-quoted attribute value:
 * the escaper of the strings the site writes by hand (static maps, feeds, and the dev notice, which
 * also escapes `'`). The embed code's attribute escaper (src/lib/embed.ts) leaves `>` alone, as its
 * published snippet always has.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
}
