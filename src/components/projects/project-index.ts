/**
 * <project-index>: filters the project list.
 *
 * The element owns the controls and the URL. The filter state lives in the URL, so a filtered view
 * is a shareable link and back/forward work. The list follows each keystroke in the search box; the
 * URL and the live count wait for a pause, so that neither history nor a screen reader gets one
 * entry per letter.
 *
 * One page (today's content): every project is already in the HTML with data-* attributes (see
 * ProjectIndex.astro). This element reads them once, then on each change runs the same pure matcher
 * the unit tests cover (src/lib/filter.ts) and toggles `hidden` on items and groups.
 *
 * Paged (thousands of projects, src/lib/paging.ts): the page holds only its first page, and
 * paged-results.ts filters and renders from the fetched filter index instead.
 *
 * Either way `selectedIds()` answers which projects the current filter selects, all of them and not
 * only those on screen; the "download this view" button (download-view.ts) asks it.
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
import { fill, pluralForm, type PluralForms } from '~/lib/format.ts';
import { numberFormatter } from '~/lib/number-format.ts';
import { PagedResults, setText, type ResultsHost } from './paged-results.ts';

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

/** How long typing must pause before the URL and the live count follow the search box. */
const SEARCH_DELAY_MS = 150;

/** Marks the end of each update, so that the benchmark (scripts/bench/) can time input to result. */
const APPLIED_MARK = 'project-index:applied';
/** Marks the moment the whole batch is in a paged list, after the part drawn first (paged-results.ts). */
const DRAWN_MARK = 'project-index:drawn';

/** What "download this view" needs from the index: the selected projects, or null for all of them. */
export interface ProjectSelection {
  selectedIds(): Promise<string[] | null>;
}

class ProjectIndex extends HTMLElement implements ProjectSelection {
  private items: Item[] = [];
  private groups: Group[] = [];
  private controls: HTMLElement | null = null;
  private search: HTMLInputElement | null = null;
  private count: HTMLElement | null = null;
  private empty: HTMLElement | null = null;
  /** The sentence above the list for a list filtered to one category, and its text per category. */
  private categoryNote: HTMLElement | null = null;
  private categoryNotes: Record<string, string> = {};
  private formatNumber: (n: number) => string = (n) => String(n);
  private rules = new Intl.PluralRules();
  private forms: PluralForms = {};
  private templates = { total: '', shown: '', selected: '' };
  private paged: PagedResults | undefined;
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

  /** The projects the filter in the controls selects, in list order; null when no filter is set. */
  async selectedIds(): Promise<string[] | null> {
    const state = this.read();
    if (isEmptyState(state)) return null;
    if (this.paged) return this.paged.ids(state);
    const matches = matcher(state);
    return this.items.filter((i) => matches(i.record)).map((i) => i.record.id);
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
      this.forms = parsed as PluralForms;
      this.formatNumber = numberFormatter(intl, this.dataset['numberSample']);
      this.rules = new Intl.PluralRules(intl);
    } catch {
      return false;
    }
    this.templates = { total: totalTemplate, shown: shownTemplate, selected: selectedTemplate };
    this.categoryNote = this.querySelector('[data-category-note]');
    this.categoryNotes = parseNotes(this.dataset['categoryNotes']);
    if (this.dataset['records'] !== undefined) {
      this.paged = PagedResults.from(this, this.controls, this.host);
      if (!this.paged) return false;
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

  /** What the paged results write into this element. */
  private host: ResultsHost = {
    count: (text) => setText(this.count, text),
    empty: (show) => {
      if (this.empty) this.empty.hidden = !show;
    },
    countText: (state, shown, total) => this.countText(state, shown, total),
    reapply: () => this.apply(this.read()),
    format: (n) => this.formatNumber(n),
    groupNote: (category) => this.categoryNotes[category],
    drawn: () => performance.mark(DRAWN_MARK),
  };

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
    // A paged index's first filter waits for a file (the value's first matches, or the filter index):
    // the request goes out before the history entry is written, not after.
    this.paged?.prepare(state);
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
    const done = this.paged ? this.paged.apply(state, announce) : (this.applyInPlace(state, announce), true);

    for (const details of this.querySelectorAll<HTMLDetailsElement>('details[data-group]')) {
      const key = FILTER_KEYS.find((k) => k === details.dataset['group']);
      const n = key ? state[key].length : 0;
      setText(details.querySelector('[data-selected]'), n ? `(${fill(this.templates.selected, { n: this.formatNumber(n) })})` : '');
      if (n) details.open = true;
    }

    // Filtered to one category: its announced figure, the number itemised and the number tied to
    // Republic Day, above the list, in place of the same sentence under the group heading.
    const note = state.category.length === 1 ? this.categoryNotes[state.category[0]!] : undefined;
    if (this.categoryNote) {
      setText(this.categoryNote, note ?? '');
      this.categoryNote.hidden = !note;
    }
    this.toggleAttribute('data-one-category', Boolean(note && this.categoryNote));

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
    const counted = `${this.formatNumber(shown)} ${pluralForm(this.rules, this.forms, shown)}`;
    return isEmptyState(state)
      ? fill(this.templates.total, { count: counted })
      : fill(this.templates.shown, { count: counted, total: this.formatNumber(total) });
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
      setText(g.count, `(${this.formatNumber(g.shown)})`);
    }
    if (announce) setText(this.count, this.countText(state, shown, this.items.length));
    if (this.empty) this.empty.hidden = shown > 0;
  }
}

/** The category sentences from their data-* attribute; none (and the list as it is) if it is malformed. */
function parseNotes(json: string | undefined): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

if (!customElements.get('project-index')) customElements.define('project-index', ProjectIndex);
