/**
 * The store behind src/components/ui/Memo.astro: rendered HTML by key, made on first use and shared
 * by every later use in the same build. A render that fails is not kept (the next use tries again).
 * Bounded, so that a very long build cannot grow it without end: past `max` keys it keeps what it has
 * and renders new keys every time. At 10,000 projects it holds a few hundred fragments.
 */
const MAX_ENTRIES = 100_000;

/** The build's fragments, by key (a module's state lives for the whole build; a component's does not). */
const built = new Map<string, Promise<string>>();

export function fragmentCache(key: string, render: () => Promise<string>, { store = built, max = MAX_ENTRIES } = {}): Promise<string> {
  const known = store.get(key);
  if (known) return known;
  const made = render();
  if (store.size < max) {
    store.set(key, made);
    made.catch(() => store.delete(key));
  }
  return made;
}
