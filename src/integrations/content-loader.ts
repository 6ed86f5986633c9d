/**
 * Astro's glob() loader, made to survive broken files in `astro dev` and nowhere else.
 *
 * Why the dev server used to exit: on start-up, `astro dev` awaits one content sync before it starts
 * serving (astro/dist/core/dev/dev.js). The glob loader loads every file inside one Promise.all, and a
 * file whose front matter is not YAML (getEntryInfo), whose name is not a valid id (our generateId) or
 * whose data fails the schema (parseData) rejects it; the rejection ends the sync, and with it the
 * server. After start-up the loader catches the same errors per file ("Failed to reload …") and keeps
 * the last good entry.
 *
 * In dev only, this wrapper catches those three per file: on start-up it skips the file (a cached
 * entry from an earlier run stays, a new file is left out); after start-up it lets Astro keep the last
 * good entry, with a one-line pointer to the problem list instead of Astro's message. The problems
 * themselves are reported by src/integrations/content-problems.ts in `npm run check:content`'s words.
 *
 * "Dev only" is decided by the loader context: only `astro dev` passes a file watcher. `astro build`,
 * `astro sync` and `astro check` get the plain glob() behaviour, so a broken file still fails them.
 *
 * In `astro build`, the content check (src/integrations/content-problems.ts) has already read every
 * file's YAML and applied the schemas before the loader starts, and stopped the build if anything was
 * wrong. The loader then takes what the check read for each file it finds unchanged, instead of
 * reading the YAML and applying the schema a second time (at 10,000 projects, about 3 s of a build).
 * What it stores is what Astro would have stored: the same YAML reader, the same schemas, and the body
 * cut out of the file as Astro's Markdown entry type cuts it (markdownEntryInfo; the unit tests compare
 * the two on every content file). Any file it cannot vouch for goes through Astro as before.
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkedContent, type CheckedContent } from './content-problems-state.ts';

type GlobOptions = Parameters<typeof glob>[0];
type GenerateId = NonNullable<GlobOptions['generateId']>;

/** The part of Astro's content entry types (internal, passed in the loader context) this wrapper uses. */
interface EntryType {
  getEntryInfo: (params: { contents: string; fileUrl: URL }) => Promise<{ data: Record<string, unknown>; body: string }> | { data: Record<string, unknown>; body: string };
}

const POINTER = 'it has content problems (listed in this terminal and at the top of every page)';

/** The id a file with an invalid name gets in dev, so that the server can go on: its name as a slug. */
export function fallbackId(entry: string): string {
  return (
    entry
      .replace(/\.(md|mdx)$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unnamed'
  );
}

/** Astro's front matter pattern (@astrojs/internal-helpers/frontmatter.js). */
const ASTRO_FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/**
 * What Astro's Markdown entry type returns for a file (astro/dist/vite-plugin-markdown/
 * content-entry-type.js), given the front matter the content check read (`front`, its text, and
 * `data`, as YAML read it). Undefined where the two might differ: another kind of front matter, or
 * other text between the "---" lines than the check read.
 */
export function markdownEntryInfo(contents: string, front: string, data: unknown) {
  if (!contents.startsWith('---') || typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const raw = ASTRO_FRONT_MATTER.exec(contents)?.[1];
  if (raw === undefined || raw.replace(/^\r?\n/, '').replace(/\r?\n$/, '') !== front) return undefined;
  // Astro blanks the front matter out with spaces ("empty-with-spaces") and trims the result: with the
  // front matter at the very start, that is the text after it, trimmed.
  const end = 3 + raw.length + 3;
  if (contents.slice(0, end) !== `---${raw}---`) return undefined;
  const body = contents.slice(end).trim();
  return { data: data as Record<string, unknown>, body, slug: (data as { slug?: unknown }).slug, rawData: raw };
}

/** The loader context of a build, taking each file's YAML and valid data from the content check. */
function reusing(context: LoaderContext, checked: Map<string, CheckedContent>): LoaderContext {
  const internal = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
  if (!internal.entryTypes) return context;
  const entryTypes = new Map(
    [...internal.entryTypes].map(([ext, type]) => [
      ext,
      ext !== '.md'
        ? type
        : {
            ...type,
            getEntryInfo: (params: { contents: string; fileUrl: URL }) => {
              const known = checked.get(fileURLToPath(params.fileUrl));
              const info = known && known.text === params.contents ? markdownEntryInfo(params.contents, known.front, known.data) : undefined;
              // Where the check also applied the schema, the entry's data is what the schema made of
              // the YAML, and so is what Astro hands the Markdown renderer as "frontmatter": one object
              // where there were two. Astro keeps both in its data store, and pages read only the first,
              // so each project's data was stored, serialised and loaded twice (at 10,000 projects the
              // store was 28 MB instead of 19, and the build kept about 90 MB more alive while it ran).
              if (!info || !known) return type.getEntryInfo(params);
              // A copy whose strings are their own (detached). js-yaml's values and the body are slices
              // of the file's text, and V8 keeps a slice's whole parent alive: every stored entry kept its
              // whole file and its whole front matter for the rest of the build.
              const kept = structuredClone({ data: known.valid === undefined ? info.data : known.valid, body: info.body });
              if (known.valid !== undefined) known.valid = kept.data;
              return { ...info, ...kept, data: kept.data as Record<string, unknown> };
            },
          },
    ]),
  );
  return {
    ...context,
    entryTypes,
    parseData: async (props) => {
      const known = props.filePath ? checked.get(props.filePath) : undefined;
      if (known && props.filePath) checked.delete(props.filePath);
      // Only the very data objects the check made (the schema's, handed out by getEntryInfo above, or
      // the YAML's): anything else was read afresh.
      if (known && known.valid !== undefined && (props.data === known.valid || props.data === known.data)) return known.valid as typeof props.data;
      return context.parseData(props);
    },
  } as LoaderContext;
}

export function contentGlob(options: GlobOptions): Loader {
  let dev = false;
  let starting = false;
  const generateId = options.generateId;
  const tolerantId: GenerateId | undefined = generateId
    ? (opts) => {
        try {
          return generateId(opts);
        } catch (error) {
          if (!dev) throw error;
          return fallbackId(opts.entry);
        }
      }
    : undefined;
  const inner = glob({ ...options, ...(tolerantId ? { generateId: tolerantId } : {}) });

  return {
    name: inner.name,
    load: async (context: LoaderContext) => {
      dev = context.watcher !== undefined;
      if (!dev) {
        const checked = checkedContent();
        return inner.load(checked.size ? reusing(context, checked) : context);
      }

      // Data objects that stand for a file that could not be read; never stored.
      const unreadable = new WeakSet<object>();
      const skipped = new WeakSet<object>();
      const fail = (filePath: string | undefined, error: unknown): never | Record<string, unknown> => {
        if (!starting) throw new Error(POINTER, { cause: error });
        context.logger.warn(`Skipped ${filePath ? relative(process.cwd(), filePath) : 'a file'}: ${POINTER}.`);
        const marker = {};
        skipped.add(marker);
        return marker;
      };

      const internal = context as LoaderContext & { entryTypes?: Map<string, EntryType> };
      const entryTypes = internal.entryTypes
        ? new Map(
            [...internal.entryTypes].map(([ext, type]) => [
              ext,
              {
                ...type,
                getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
                  try {
                    return await type.getEntryInfo(params);
                  } catch (error) {
                    if (!starting) throw new Error(POINTER, { cause: error });
                    // Go on with empty data: the id comes from the file name, and parseData below
                    // skips the entry without validating it.
                    const data = {};
                    unreadable.add(data);
                    return { data, body: '' };
                  }
                },
              },
            ]),
          )
        : undefined;

      const tolerant: LoaderContext = {
        ...context,
        ...(entryTypes ? { entryTypes } : {}),
        parseData: async (props) => {
          if (unreadable.has(props.data)) return fail(props.filePath, undefined) as typeof props.data;
          try {
            return await context.parseData(props);
          } catch (error) {
            return fail(props.filePath, error) as typeof props.data;
          }
        },
        store: {
          ...context.store,
          set: (entry) => (skipped.has(entry.data) ? false : context.store.set(entry)),
        },
      };
      starting = true;
      try {
        await inner.load(tolerant);
      } finally {
        starting = false;
      }
    },
  };
}
