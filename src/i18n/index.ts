/**
 * The interface dictionaries, one per language (ru is the reference). Formatting (counts, numbers,
 * dates, "{name}" templates) is in src/lib/format.ts, which holds no dictionaries, so that client
 * scripts can import it without pulling in every language's strings.
 */
import type { Locale } from '../lib/vocabulary.ts';
import { ru, type Dictionary } from './ru.ts';
import { kk } from './kk.ts';
import { en } from './en.ts';

export type { Dictionary };
export const dictionaries: Record<Locale, Dictionary> = { ru, kk, en };

export function t(lang: Locale): Dictionary {
  return dictionaries[lang];
}
