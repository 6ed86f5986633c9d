/**
 * <project-index>: filters the server-rendered project list in place.
 *
 * Every project is already in the HTML with data-* attributes (see ProjectIndex.astro). This element
 * reads them once, then on each change runs the same pure filterProjects logic the unit tests cover
 * (src/lib/filter.ts) and toggles `hidden` on items and groups. It never renders HTML, so it stays fast
 * with thousands of items. The filter state lives in the URL, so a filtered view is a shareable link
 * and back/forward work.
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
} from '../../lib/filter.ts';

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

/** How long typing must pause before the list and URL follow the search box. */
const SEARCH_DELAY_MS = 150;

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True while consecutive keystrokes share one history entry. */
  private typing = false;

  connectedCallback() {
    if (this.items.length) return;
    if (!this.setUp()) return;
    this.write(parseState(location.search));
    this.apply(parseState(location.search));
    // With room for a sidebar, the two filters readers reach for first start open.
    if (window.matchMedia('(min-width: 60rem)').matches) {
      for (const key of ['category', 'district']) {
        const details = this.querySelector<HTMLDetailsElement>(`details[data-group="${key}"]`);
        if (details) details.open = true;
      }
    }
    this.controls?.removeAttribute('hidden');
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

    this.controls.addEventListener('change', (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === 'checkbox') this.commit(false);
    });
    this.search.addEventListener('input', () => {
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

  /** Shows the items that match, updates counts, group headings and the language links. */
  private apply(state: FilterState) {
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
    const counted = `${this.number.format(shown)} ${this.forms[this.rules.select(shown)] ?? this.forms.other ?? ''}`;
    this.setText(
      this.count,
      isEmptyState(state)
        ? fill(this.templates.total, { count: counted })
        : fill(this.templates.shown, { count: counted, total: this.number.format(this.items.length) }),
    );
    if (this.empty) this.empty.hidden = shown > 0;

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
  }

  /** Sets text only when it changes, so the live region is not re-announced for nothing. */
  private setText(el: Element | null, text: string) {
    if (el && el.textContent !== text) el.textContent = text;
  }
}

if (!customElements.get('project-index')) customElements.define('project-index', ProjectIndex);
