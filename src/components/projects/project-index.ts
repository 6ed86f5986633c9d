/**
 * <project-index>: filters the project list.
 *
 * One page (today's content): every project is already in the HTML with data-* attributes (see
 * ProjectIndex.astro). This element reads them once, then on each change runs the same pure matcher
 * the unit tests cover (src/lib/filter.ts) and toggles `hidden` on items and groups.
 *
 * Paged (thousands of projects, src/lib/paging.ts): the page holds only its first page of projects.
 * On first use the element fetches the compact filter index (src/lib/index-records.ts), filters it
 * with the same matcher and renders the first matches from the page's own <template>, more on request.
 * With no filter set, the server-rendered page and its pager are shown as they are.
 *
 * The filter state lives in the URL, so a filtered view is a shareable link and back/forward work.
 * The list follows each keystroke in the search box; the URL and the live count wait for a pause, so
 * that neither history nor a screen reader gets one entry per letter.
 */
import {
  FILTER_KEYS,
  emptyState,
  fromDataset,
  isEmptyState,
  matcher,
  parseState,
  serialiseState,
  type FilterRecord,
  type FilterState,
} from '~/lib/filter.ts';
import { decodeIndex, itemHref, metaParts, type IndexFile, type IndexItem } from '~/lib/index-records.ts';

interface Item {
  el: HTMLElement;
  record: FilterRecord;
  group: Group | undefined;
}
interface Group {
  el: HTMLElement;
  count: HTMLElement | null;
  shown: number;
}

/** Fills "{name}" placeholders (the dictionaries' format), without importing the dictionaries. */
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

/** How long typing must pause before the URL and the live count follow the search box. */
const SEARCH_DELAY_MS = 150;

/** The parts of a paged index (see the class comment); absent on a one-page index. */
interface Paged {
  url: string;
  total: number;
  batch: number;
  page: HTMLElement;
  matches: HTMLElement;
  more: HTMLButtonElement;
  /** A group (section > h2 + ul) and an item, as the server renders them, to clone. */
  groupTemplate: HTMLElement;
  itemTemplate: HTMLElement;
  texts: { more: string; loading: string; failed: string };
  /** Set once the index file has loaded (undefined: not yet; null: it failed). */
  file: IndexFile | null | undefined;
  loading: Promise<void> | undefined;
  /** The current matches and how many of them are rendered. */
  found: IndexItem[];
  rendered: number;
  groups: Map<string, { list: HTMLElement }>;
}

/** Marks the end of each update, so that the benchmark (scripts/bench/) can time input to result. */
const APPLIED_MARK = 'project-index:applied';

class ProjectIndex extends HTMLElement {
  private items: Item[] = [];
  private groups: Group[] = [];
  private controls: HTMLElement | null = null;
  private search: HTMLInputElement | null = null;
  private count: HTMLElement | null = null;
  private empty: HTMLElement | null = null;
  private number = new Intl.NumberFormat();
  private rules = new Intl.PluralRules();
  private forms: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  private templates = { total: '', shown: '', selected: '' };
  private paged: Paged | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True while consecutive keystrokes share one history entry. */
  private typing = false;

  connectedCallback() {
    if (this.items.length || this.paged) return;
    if (!this.setUp()) {
      // The controls are shown from the first paint where scripting is on; without a working filter
      // they go, and the server-rendered list stays as it is.
      const controls = this.querySelector<HTMLElement>('[data-controls]');
      if (controls) controls.hidden = true;
      return;
    }
    this.write(parseState(location.search));
    this.apply(parseState(location.search));
    // With room for a sidebar, the two filters readers reach for first start open.
    if (window.matchMedia('(min-width: 60rem)').matches) {
      for (const key of ['category', 'district']) {
        const details = this.querySelector<HTMLDetailsElement>(`details[data-group="${key}"]`);
        if (details) details.open = true;
      }
    }
    this.dataset['ready'] = '';
    window.addEventListener('popstate', this.onPopState);
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPopState);
    clearTimeout(this.timer);
  }

  /**
   * Reads the configuration and every item. Returns false, leaving the page as the server rendered it
   * (full list, controls hidden), when anything the filter relies on is missing or malformed.
   */
  private setUp(): boolean {
    const { intl, forms, totalTemplate, shownTemplate, selectedTemplate } = this.dataset;
    this.controls = this.querySelector('[data-controls]');
    this.search = this.controls?.querySelector('input[name="q"]') ?? null;
    this.count = this.querySelector('[data-count]');
    this.empty = this.querySelector('[data-empty]');
    if (!intl || !forms || !totalTemplate || !shownTemplate || !selectedTemplate) return false;
    if (!this.controls || !this.search || !this.count || !this.empty) return false;
    try {
      const parsed: unknown = JSON.parse(forms);
      if (typeof parsed !== 'object' || parsed === null) return false;
      this.forms = parsed as typeof this.forms;
      this.number = new Intl.NumberFormat(intl);
      this.rules = new Intl.PluralRules(intl);
    } catch {
      return false;
    }
    this.templates = { total: totalTemplate, shown: shownTemplate, selected: selectedTemplate };
    if (this.dataset['records'] !== undefined) {
      if (!this.setUpPaged()) return false;
    } else if (!this.readItems()) return false;

    this.controls.addEventListener('change', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'checkbox') this.commit(false);
    });
    this.search.addEventListener('input', () => {
      this.apply(this.read(), false);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.commit(true), SEARCH_DELAY_MS);
    });
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      clearTimeout(this.timer);
      this.write(emptyState());
      this.commit(false);
    });
    return true;
  }

  /** One-page index: reads every item's filter record from its data-* attributes. */
  private readItems(): boolean {
    const groups = new Map<Element, Group>();
    const items: Item[] = [];
    for (const el of this.querySelectorAll<HTMLElement>('[data-filter-item]')) {
      const record = fromDataset(el.dataset);
      if (!record) return false;
      const section = el.closest('[data-category-group]');
      let group = section ? groups.get(section) : undefined;
      if (section instanceof HTMLElement && !group) {
        group = { el: section, count: section.querySelector('[data-group-count]'), shown: 0 };
        groups.set(section, group);
      }
      items.push({ el, record, group });
    }
    if (!items.length) return false;
    this.items = items;
    this.groups = [...groups.values()];
    return true;
  }

  /** Paged index: finds the page, the results box and the templates; the records come later. */
  private setUpPaged(): boolean {
    const { records, total, batch, moreTemplate, loadingText, failedText } = this.dataset;
    const page = this.querySelector<HTMLElement>('[data-page]');
    const matches = this.querySelector<HTMLElement>('[data-matches]');
    const more = this.querySelector<HTMLButtonElement>('button[data-more]');
    const template = this.querySelector<HTMLTemplateElement>('template[data-templates]');
    const groupTemplate = template?.content.querySelector<HTMLElement>('[data-category-group]');
    const itemTemplate = groupTemplate?.querySelector<HTMLElement>('li[data-project-id]');
    const totalCount = Number(total);
    const batchSize = Number(batch);
    if (!records || !moreTemplate || !loadingText || !failedText || !page || !matches || !more) return false;
    if (!groupTemplate || !itemTemplate || !Number.isInteger(totalCount) || !(batchSize > 0)) return false;
    this.paged = {
      url: records,
      total: totalCount,
      batch: batchSize,
      page,
      matches,
      more,
      groupTemplate,
      itemTemplate,
      texts: { more: moreTemplate, loading: loadingText, failed: failedText },
      file: undefined,
      loading: undefined,
      found: [],
      rendered: 0,
      groups: new Map(),
    };
    // The file is fetched when a reader reaches for the filters, so that it is usually there by the
    // time they pick one; a reader who only browses the pages never downloads it.
    const prefetch = () => void this.load();
    this.controls?.addEventListener('pointerenter', prefetch, { once: true });
    this.controls?.addEventListener('focusin', prefetch, { once: true });
    more.addEventListener('click', () => this.renderMore(true));
    return true;
  }

  /** Fetches and decodes the filter index once; a failure leaves the pages as they are. */
  private load(): Promise<void> {
    const paged = this.paged;
    if (!paged) return Promise.resolve();
    paged.loading ??= fetch(paged.url)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((json: unknown) => {
        paged.file = decodeIndex(json) ?? null;
      })
      .catch(() => {
        paged.file = null;
      });
    return paged.loading;
  }

  private checkboxes() {
    return this.controls?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]') ?? [];
  }

  /** The state the controls show. */
  private read(): FilterState {
    const params = new URLSearchParams();
    for (const box of this.checkboxes()) if (box.checked) params.append(box.name, box.value);
    params.set('q', this.search?.value ?? '');
    return parseState(params);
  }

  /** Makes the controls show a state (on load, on back/forward, on clear). */
  private write(state: FilterState) {
    for (const box of this.checkboxes()) {
      const key = FILTER_KEYS.find((k) => k === box.name);
      box.checked = key !== undefined && (state[key] as readonly string[]).includes(box.value);
    }
    if (this.search && this.search.value.trim() !== state.q) this.search.value = state.q;
  }

  /**
   * Applies what the controls show and records it in the URL. A run of keystrokes in the search box is
   * one history entry (replaced as it grows); every other change is a new entry, so Back undoes it.
   */
  private commit(fromTyping: boolean) {
    const state = this.read();
    const url = `${location.pathname}${serialiseState(state)}`;
    if (url !== `${location.pathname}${location.search}`) {
      if (fromTyping && this.typing) history.replaceState(null, '', url);
      else history.pushState(null, '', url);
    }
    this.typing = fromTyping;
    this.apply(state);
  }

  private onPopState = () => {
    clearTimeout(this.timer);
    this.typing = false;
    const state = parseState(location.search);
    this.write(state);
    this.apply(state);
  };

  /**
   * Shows the items that match, updates the group headings, the controls' summaries and the language
   * links, and (unless `announce` is false, while typing) the live count.
   */
  private apply(state: FilterState, announce = true) {
    // False while a paged index waits for its file; it applies again once the file is in.
    const done = this.paged ? this.applyPaged(this.paged, state, announce) : (this.applyInPlace(state, announce), true);

    for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-group]')) {
      const key = FILTER_KEYS.find((k) => k === details.dataset['group']);
      const n = key ? state[key].length : 0;
      this.setText(details.querySelector('[data-selected]'), n ? `(${fill(this.templates.selected, { n: this.number.format(n) })})` : '');
      if (n) details.open = true;
    }

    // The header's language links lead to the same filtered view in another language.
    const query = serialiseState(state);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-lang-link]')) {
      const target = new URL(link.href);
      target.search = query;
      link.href = target.href;
    }
    if (done) performance.mark(APPLIED_MARK);
  }

  /** "Всего: 46 проектов" or "Показано: 5 проектов из 46". */
  private countText(state: FilterState, shown: number, total: number): string {
    const counted = `${this.number.format(shown)} ${this.forms[this.rules.select(shown)] ?? this.forms.other ?? ''}`;
    return isEmptyState(state)
      ? fill(this.templates.total, { count: counted })
      : fill(this.templates.shown, { count: counted, total: this.number.format(total) });
  }

  /** One-page index: toggles `hidden` on the server-rendered items and groups. */
  private applyInPlace(state: FilterState, announce: boolean) {
    const matches = matcher(state);
    for (const g of this.groups) g.shown = 0;
    let shown = 0;
    for (const item of this.items) {
      const show = matches(item.record);
      // Writing only on change keeps a keystroke over thousands of items cheap.
      if (item.el.hidden === show) item.el.hidden = !show;
      if (show) {
        shown += 1;
        if (item.group) item.group.shown += 1;
      }
    }
    for (const g of this.groups) {
      g.el.hidden = g.shown === 0;
      this.setText(g.count, `(${this.number.format(g.shown)})`);
    }
    if (announce) this.setText(this.count, this.countText(state, shown, this.items.length));
    if (this.empty) this.empty.hidden = shown > 0;
  }

  /**
   * Paged index: with no filter, the server-rendered page; otherwise the matches from the index
   * file, rendered in batches. Until the file has loaded, the page stays and the count says so.
   */
  private applyPaged(paged: Paged, state: FilterState, announce: boolean): boolean {
    const showPage = (text: string) => {
      paged.page.hidden = false;
      paged.matches.hidden = true;
      paged.more.hidden = true;
      if (this.empty) this.empty.hidden = true;
      this.setText(this.count, text);
    };
    if (isEmptyState(state)) {
      showPage(this.countText(state, paged.total, paged.total));
      return true;
    }
    if (paged.file === null) {
      showPage(paged.texts.failed);
      return true;
    }
    if (paged.file === undefined) {
      if (announce) this.setText(this.count, paged.texts.loading);
      // Applies whatever the controls show once the file is in (the reader may have moved on).
      void this.load().then(() => this.apply(this.read()));
      return false;
    }
    const matches = matcher(state);
    paged.found = paged.file.items.filter(matches);
    paged.rendered = 0;
    paged.groups.clear();
    paged.matches.replaceChildren();
    this.renderMore(false);
    paged.page.hidden = true;
    paged.matches.hidden = false;
    if (announce) this.setText(this.count, this.countText(state, paged.found.length, paged.total));
    if (this.empty) this.empty.hidden = paged.found.length > 0;
    return true;
  }

  /** Renders the next batch of matches; `focus` moves focus to the first new one (the button's use). */
  private renderMore(focus: boolean) {
    const paged = this.paged;
    const file = paged?.file;
    if (!paged || !file) return;
    const next = paged.found.slice(paged.rendered, paged.rendered + paged.batch);
    // Each heading counts its whole category among the matches, not only the rendered part.
    const perCategory = new Map<string, number>();
    if (paged.rendered === 0) for (const item of paged.found) perCategory.set(item.category, (perCategory.get(item.category) ?? 0) + 1);
    let firstLink: HTMLAnchorElement | null = null;
    for (const item of next) {
      let group = paged.groups.get(item.category);
      if (!group) {
        group = this.renderGroup(paged, file, item.category, perCategory.get(item.category) ?? 0);
        paged.groups.set(item.category, group);
      }
      const li = this.renderItem(paged, file, item);
      group.list.append(li);
      firstLink ??= li.querySelector('a');
    }
    paged.rendered += next.length;
    const left = paged.found.length - paged.rendered;
    paged.more.hidden = left <= 0;
    this.setText(paged.more, fill(paged.texts.more, { count: this.number.format(Math.min(left, paged.batch)) }));
    if (focus) firstLink?.focus();
  }

  private renderGroup(paged: Paged, file: IndexFile, category: string, count: number): { list: HTMLElement } {
    const section = paged.groupTemplate.cloneNode(true) as HTMLElement;
    const heading = section.querySelector('h2');
    const list = section.querySelector<HTMLElement>('ul');
    section.dataset['categoryGroup'] = category;
    section.setAttribute('aria-labelledby', `found-cat-${category}`);
    if (heading) {
      heading.id = `found-cat-${category}`;
      heading.className = `cat cat-${category}`;
      this.setText(heading.querySelector('[data-group-label]'), file.labels.category[category as keyof IndexFile['labels']['category']]);
      this.setText(heading.querySelector('[data-group-count]'), `(${this.number.format(count)})`);
    }
    list?.replaceChildren();
    paged.matches.append(section);
    return { list: list ?? section };
  }

  /** One item, in the markup of ProjectListItem.astro (cloned from the template, so styles apply). */
  private renderItem(paged: Paged, file: IndexFile, item: IndexItem): HTMLElement {
    const li = paged.itemTemplate.cloneNode(true) as HTMLElement;
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

  /** Sets text only when it changes, so the live region is not re-announced for nothing. */
  private setText(el: Element | null, text: string) {
    if (el && el.textContent !== text) el.textContent = text;
  }
}

if (!customElements.get('project-index')) customElements.define('project-index', ProjectIndex);
