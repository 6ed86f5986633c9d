/** getStaticPaths helpers for pages under `src/pages/[...lang]/`: one route per interface language. */
import { LOCALES, type Locale } from './vocabulary.ts';
import { langParam } from './paths.ts';

/** `[{ params: { lang: undefined }, props: { lang: 'ru' } }, …]` for every locale. */
export function localePaths() {
  return LOCALES.map((lang) => ({ params: { lang: langParam(lang) }, props: { lang } }));
}

/** The cross product of locales and a list of per-item params/props. */
export function localisedPaths<P extends Record<string, string>, T extends object>(
  items: Array<{ params: P; props: T }>,
): Array<{ params: P & { lang: string | undefined }; props: T & { lang: Locale } }> {
  return LOCALES.flatMap((lang) =>
    items.map((i) => ({ params: { ...i.params, lang: langParam(lang) }, props: { ...i.props, lang } })),
  );
}
