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
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { relative } from 'node:path';

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
      if (!dev) return inner.load(context);

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
