/**
 * The results of a paged project index (src/lib/paging.ts): the page holds only its first page of
 * projects, so on first use this fetches the compact filter index (src/lib/index-records.ts),
 * filters it with the same matcher as the one-page index (src/lib/filter.ts) and renders the first
 * matches from the page's own <template>, more on request. With no filter set, the server-rendered
 * page and its pager are shown as they are. The <project-index> element (project-index.ts) owns the
 * controls and the URL and hands each state here.
 *
 * A first filter of one value (one box ticked, or a shared link to one) is answered from that value's
 * small file of first matches (firstMatches) while the whole index is not in yet; the whole index is
 * fetched once those are drawn and the browser is idle, for "show more", the next box and the search.
 */
import { isEmptyState, matcher, serialiseState, singleValue, type FilterState } from '~/lib/filter.ts';
import { fill } from '~/lib/format.ts';
import { countByCategory, decodeFirst, decodeIndex, itemHref, metaParts, type FirstMatches, type IndexFile, type IndexItem } from '~/lib/index-records.ts';
import type { Category } from '~/lib/vocabulary.ts';

/** What the results write into the element around them. */
export interface ResultsHost {
  /** The live count, or a message in its place (loading, failed); undefined leaves it as it is. */
  count(text: string): void;
  /** Shows "no project matches" or hides it. */
  empty(show: boolean): void;
  /** "Показано: 5 проектов из 46" for a state. */
  countText(state: FilterState, shown: number, total: number): string;
  /** Applies whatever the controls show now (after the file has loaded; the reader may have moved on). */
  reapply(): void;
  /** A number in the page language. */
  format(n: number): string;
  /** The sentence under a category's heading (announced, itemised, tied to Republic Day), if any. */
  groupNote(category: string): string | undefined;
  /** The whole batch of matches (or the page) is in the list, not only the part drawn first. */
  drawn(): void;
}

/** What the list shows for a state: its matches as far as they are known, and how many there are. */
interface Results {
  state: FilterState;
  /** In list order: every match, or (from a file of first matches) the first ones. */
  items: readonly IndexItem[];
  total: number;
  perCategory: Partial<Record<Category, number>>;
  /** The labels and the project address the items are rendered with. */
  file: IndexFile;
}

/**
 * How many matches are drawn before the first paint after a change: more than a screen holds, on a
 * phone or beside the filters. Drawing the whole batch (100 at 10,000 projects) first held the new
 * list back by a frame's worth of cloning and layout (README, "Performance budgets").
 */
export const FIRST_DRAW = 20;

export class PagedResults {
  /** The current matches and how many of them are rendered. */
  private results: Results | undefined;
  private rendered = 0;
  /** Where the batch being drawn ends: past `rendered` while its rest waits for the next task. */
  private batchEnd = 0;
  private groups = new Map<string, HTMLElement>();
  /** Set once the index file has loaded (undefined: not yet; null: it failed). */
  private file: IndexFile | null | undefined;
  private loading: Promise<void> | undefined;
  /** The results whose next batch waits for the index file (the first matches shown, "show more" pressed). */
  private continuing: Results | undefined;
  /** Files of first matches by address: read (null: missing or unreadable) or on their way. */
  private firsts = new Map<string, FirstMatches | null | Promise<void>>();

  private constructor(
    private readonly host: ResultsHost,
    private readonly url: string,
    readonly total: number,
    private readonly batch: number,
    private readonly page: HTMLElement,
    private readonly matches: HTMLElement,
    private readonly more: HTMLButtonElement,
    /** A group (section > h2 + ul) and an item, as the server renders them, to clone. */
    private readonly groupTemplate: HTMLElement,
    private readonly itemTemplate: HTMLElement,
    private readonly texts: { more: string; loading: string; failed: string },
    /** The address of a value's first matches, with "{key}" and "{value}"; empty for none. */
    private readonly firstUrl: string,
  ) {}

  /**
   * Reads the paged index's settings and parts from `root` (the <project-index> element). Undefined,
   * leaving the server-rendered pages as they are, when anything is missing or malformed.
   */
  static from(root: HTMLElement, controls: HTMLElement, host: ResultsHost): PagedResults | undefined {
    const { records, firstRecords, total, batch, moreTemplate, loadingText, failedText } = root.dataset;
    const page = root.querySelector<HTMLElement>('[data-page]');
    const matches = root.querySelector<HTMLElement>('[data-matches]');
    const more = root.querySelector<HTMLButtonElement>('button[data-more]');
    const template = root.querySelector<HTMLTemplateElement>('template[data-templates]');
    const groupTemplate = template?.content.querySelector<HTMLElement>('[data-category-group]');
    const itemTemplate = groupTemplate?.querySelector<HTMLElement>('li[data-project-id]');
    const totalCount = Number(total);
    const batchSize = Number(batch);
    if (!records || !moreTemplate || !loadingText || !failedText || !page || !matches || !more) return undefined;
    if (!groupTemplate || !itemTemplate || !Number.isInteger(totalCount) || !(batchSize > 0)) return undefined;
    const results = new PagedResults(host, records, totalCount, batchSize, page, matches, more, groupTemplate, itemTemplate, {
      more: moreTemplate,
      loading: loadingText,
      failed: failedText,
    }, firstRecords ?? '');
    // The file is fetched when a reader reaches for the filters, so that it is usually there by the
    // time they pick one; a reader who only browses the pages never downloads it.
    const prefetch = () => void results.load();
    controls.addEventListener('pointerenter', prefetch, { once: true });
    controls.addEventListener('focusin', prefetch, { once: true });
    more.addEventListener('click', () => results.renderMore(true));
    return results;
  }

  /** Fetches and decodes the filter index once; a failure leaves the pages as they are. */
  load(): Promise<void> {
    this.loading ??= readJson(this.url)
      .then((json) => {
        this.file = decodeIndex(json) ?? null;
        if (this.file) prepareSearch(this.file.items);
      })
      .catch(() => {
        this.file = null;
      });
    return this.loading;
  }

  /**
   * Starts fetching what a state will need, if it is not in yet: the value's first matches for one
   * value (a file of its own), the filter index for anything else.
   */
  prepare(state: FilterState) {
    if (isEmptyState(state) || this.file !== undefined) return;
    const one = singleValue(state);
    if (one && this.first(one.key, one.value) !== null) return;
    void this.load();
  }

  /**
   * With no filter, the server-rendered page; otherwise the matches, rendered in batches: from the
   * index file, or from the value's first matches while the index file is not in. Until either has
   * loaded, the page stays and the count says so. False while waiting.
   */
  apply(state: FilterState, announce: boolean): boolean {
    const showPage = (text: string) => {
      this.page.hidden = false;
      this.matches.hidden = true;
      this.more.hidden = true;
      this.host.empty(false);
      this.host.count(text);
    };
    if (isEmptyState(state)) {
      showPage(this.host.countText(state, this.total, this.total));
      this.host.drawn();
      return true;
    }
    if (this.file === null) {
      showPage(this.texts.failed);
      this.host.drawn();
      return true;
    }
    let results: Results;
    if (this.file) results = everyMatch(state, this.file);
    else {
      const one = singleValue(state);
      const first = one ? this.first(one.key, one.value) : null;
      if (!first) {
        if (announce) this.host.count(this.texts.loading);
        // No file of first matches (or it failed): the index file. Otherwise whichever comes first.
        if (first === null || this.loading) void this.load().then(() => this.host.reapply());
        return false;
      }
      results = { state, items: first.file.items, total: first.total, perCategory: first.perCategory, file: first.file };
      // The rest of the matches, the next filter and the search need the whole index: fetched once
      // the first matches are drawn and the browser is idle, so that reading it does not hold them up.
      this.loadWhenIdle();
    }
    // The same matches again (the URL catching up with the search box, a state written back): the
    // list stays as it is, with any further batches the reader asked for.
    const current = this.results;
    if (current && current.file === results.file && serialiseState(current.state) === serialiseState(state)) {
      // The button again, which the pages' view hides.
      this.updateMore(current);
      if (this.rendered >= this.batchEnd) this.host.drawn();
    } else {
      this.results = results;
      this.rendered = 0;
      this.groups.clear();
      this.matches.replaceChildren();
      this.drawFirst(results);
    }
    this.page.hidden = true;
    this.matches.hidden = false;
    if (announce) this.host.count(this.host.countText(state, results.total, this.total));
    this.host.empty(results.total === 0);
    return true;
  }

  /**
   * Draws the first batch of new matches: as many as fill a screen at once, and the rest of the batch
   * once the browser has painted them and has nothing more urgent to do (afterPaint). The next change
   * of filter or keystroke replaces a rest that has not been drawn yet.
   */
  private drawFirst(results: Results) {
    this.batchEnd = Math.min(this.batch, results.items.length);
    this.draw(results, Math.min(this.batchEnd, FIRST_DRAW), false);
    if (this.rendered >= this.batchEnd) {
      this.host.drawn();
      return;
    }
    const drawn = this.rendered;
    afterPaint(() => {
      if (this.results !== results || this.rendered !== drawn) return;
      this.draw(results, this.batchEnd, false);
      this.host.drawn();
    });
  }

  /**
   * Fetches the index file once the next frame is drawn and the browser is idle (or half a second on,
   * where it cannot say when it is idle): an idle moment comes before the frame too, and reading the
   * file then would hold the first matches back from the screen.
   */
  private loadWhenIdle() {
    if (this.loading) return;
    const start = () => void this.load();
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2000 });
        else setTimeout(start, 500);
      }),
    );
  }

  /**
   * A value's first matches: read, or undefined while on their way (fetched on the first ask, and the
   * controls applied again once in), or null when the page names no such file or it cannot be read.
   */
  private first(key: string, value: string): FirstMatches | null | undefined {
    if (!this.firstUrl) return null;
    const url = this.firstUrl.replace('{key}', encodeURIComponent(key)).replace('{value}', encodeURIComponent(value));
    const known = this.firsts.get(url);
    if (known instanceof Promise) return undefined;
    if (known !== undefined) return known;
    const loading = readJson(url)
      .then((json) => decodeFirst(json) ?? null)
      .catch(() => null)
      .then((first) => {
        this.firsts.set(url, first);
        this.host.reapply();
      });
    this.firsts.set(url, loading);
    return undefined;
  }

  /**
   * The ids of every project the state selects, in list order, not only the rendered batch ("download
   * this view"); null for no filter (every project). Rejects if the index file cannot be read.
   */
  async ids(state: FilterState): Promise<string[] | null> {
    if (isEmptyState(state)) return null;
    await this.load();
    if (!this.file) throw new Error(`${this.url}: the filter index could not be read`);
    return this.file.items.filter(matcher(state)).map((item) => item.id);
  }

  /**
   * Renders the next batch of matches; `focus` moves focus to the first new one (the button's use).
   * Past the first matches of a value's own file, it waits for the index file, which has the rest.
   */
  private renderMore(focus: boolean) {
    const results = this.results;
    if (!results) return;
    if (this.rendered >= results.items.length && this.rendered < results.total) {
      // A second press while the index file loads changes nothing.
      if (this.continuing === results) return;
      this.continuing = results;
      this.host.count(this.texts.loading);
      void this.load().then(() => {
        // The reader may have moved on meanwhile; then there is nothing to continue.
        if (this.results !== results) return;
        // Without the index file the first matches cannot go on: the pages come back, with a note.
        if (!this.file) {
          this.host.reapply();
          return;
        }
        this.results = everyMatch(results.state, this.file);
        this.host.count(this.host.countText(results.state, this.results.total, this.total));
        this.renderMore(focus);
      });
      return;
    }
    this.batchEnd = Math.min(this.rendered + this.batch, results.items.length);
    this.draw(results, this.batchEnd, focus);
    this.host.drawn();
  }

  /** Appends the matches from the last one drawn up to `end`, and updates the "show more" button. */
  private draw(results: Results, end: number, focus: boolean) {
    const next = results.items.slice(this.rendered, end);
    let firstLink: HTMLAnchorElement | null = null;
    for (const item of next) {
      let list = this.groups.get(item.category);
      if (!list) {
        // Each heading counts its whole category among the matches, not only the rendered part.
        list = this.renderGroup(results.file, item.category, results.perCategory[item.category] ?? 0);
        this.groups.set(item.category, list);
      }
      const li = this.renderItem(results.file, item);
      list.append(li);
      firstLink ??= li.querySelector('a');
    }
    this.rendered += next.length;
    this.updateMore(results);
    if (focus) firstLink?.focus();
  }

  /** "Show 100 more", or no button once every match is drawn. */
  private updateMore(results: Results) {
    const left = results.total - this.rendered;
    // Hidden while the rest of the batch waits to be drawn: it would offer the wrong number.
    this.more.hidden = left <= 0 || this.rendered < this.batchEnd;
    setText(this.more, fill(this.texts.more, { count: this.host.format(Math.min(left, this.batch)) }));
  }

  /** A category's section, cloned from the template; returns the list to append its items to. */
  private renderGroup(file: IndexFile, category: string, count: number): HTMLElement {
    const section = this.groupTemplate.cloneNode(true) as HTMLElement;
    const heading = section.querySelector('h2');
    const list = section.querySelector<HTMLElement>('ul');
    section.dataset['categoryGroup'] = category;
    section.setAttribute('aria-labelledby', `found-cat-${category}`);
    if (heading) {
      heading.id = `found-cat-${category}`;
      heading.className = `cat cat-${category}`;
      setText(heading.querySelector('[data-group-label]'), file.labels.category[category as keyof IndexFile['labels']['category']]);
      setText(heading.querySelector('[data-group-count]'), `(${this.host.format(count)})`);
    }
    const note = section.querySelector('[data-group-note]');
    const noteText = this.host.groupNote(category);
    if (note && noteText) setText(note, noteText);
    else note?.remove();
    list?.replaceChildren();
    this.matches.append(section);
    return list ?? section;
  }

  /** One item, in the markup of ProjectListItem.astro (cloned from the template, so styles apply). */
  private renderItem(file: IndexFile, item: IndexItem): HTMLElement {
    const li = this.itemTemplate.cloneNode(true) as HTMLElement;
    li.removeAttribute('id');
    li.className = li.className.replace(/\bcat-[a-z]+/, `cat-${item.category}`);
    li.dataset['projectId'] = item.id;
    const link = li.querySelector('a');
    if (link) {
      link.href = itemHref(file.href, item.id);
      link.textContent = item.title;
      if (item.titleLang) link.lang = item.titleLang;
      else link.removeAttribute('lang');
    }
    const meta = li.querySelector('.meta');
    const proto = meta?.querySelector('span');
    if (meta && proto) {
      const spans = metaParts(item, file.labels).map((part) => {
        const span = proto.cloneNode(false) as HTMLElement;
        span.className = part.strong ? 'confirmed' : '';
        if (!span.className) span.removeAttribute('class');
        span.removeAttribute('lang');
        if (part.lang) span.lang = part.lang;
        span.append(part.text);
        if (part.date) {
          const time = document.createElement('time');
          time.dateTime = part.date.iso;
          time.textContent = part.date.text;
          span.append(part.date.before, time, part.date.after);
        }
        return span;
      });
      meta.replaceChildren(...spans);
    }
    return li;
  }
}

/**
 * Runs `run` after the next frame, behind the reader's input, timers and network replies where the
 * browser can say so (scheduler.postTask's background priority); elsewhere as
 * the next task after the frame.
 */
function afterPaint(run: () => void) {
  const scheduler = (globalThis as { scheduler?: { postTask?: (task: () => void, options: { priority: 'background' }) => Promise<void> } }).scheduler;
  requestAnimationFrame(() => {
    if (typeof scheduler?.postTask === 'function') void scheduler.postTask(run, { priority: 'background' });
    else setTimeout(run);
  });
}

/**
 * The JSON at `url`, or undefined when there is none or it cannot be read. (map-assets.ts has the same
 * for the map; shared, it would become a chunk of its own, one more request on every map page.)
 */
async function readJson(url: string): Promise<unknown> {
  try {
    const r = await fetch(url);
    return r.ok ? await r.json() : undefined;
  } catch {
    return undefined;
  }
}

/** Every match of a state in the index file, and how many are in each category. */
function everyMatch(state: FilterState, file: IndexFile): Results {
  const items = file.items.filter(matcher(state));
  return { state, items, total: items.length, perCategory: countByCategory(items), file };
}

/**
 * Puts each project's search text together while the browser is idle, a few hundred at a time, so
 * that the first search keystroke does not wait for ten thousand of them (index-records.ts makes them
 * on first use otherwise).
 */
function prepareSearch(items: readonly IndexItem[]) {
  if (typeof requestIdleCallback !== 'function') return;
  let next = 0;
  const step = (deadline: IdleDeadline) => {
    while (next < items.length && deadline.timeRemaining() > 2) {
      const end = Math.min(items.length, next + 250);
      for (; next < end; next += 1) void items[next]!.searchText;
    }
    if (next < items.length) requestIdleCallback(step);
  };
  requestIdleCallback(step);
}

/** Sets text only when it changes, so a live region is not re-announced for nothing. */
export function setText(el: Element | null, text: string) {
  if (el && el.textContent !== text) el.textContent = text;
}
