/**
 * The search page in the browser: reads the state from the URL, asks Pagefind (loaded on demand
 * from /pagefind/, with the index of the page's language), shows the results with DOM text nodes
 * only, and keeps the state in the URL (back/forward work). Without JavaScript the page still
 * lists every category, unit and year.
 */
import { decodeEntities, excerptSegments, hasQuery, pagefindFilters, parseSearch, searchQuery, type SearchState } from '../lib/search-state';

const PAGE_SIZE = 20;

interface Labels {
  loading: string;
  count: string;
  none: string;
  prompt: string;
  error: string;
  prev: string;
  next: string;
  summary: string;
  pages: string;
  nomor: string;
  kategori: Record<string, string>;
}

interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string>; filters: Record<string, string[]> }>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o: { filters: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

let pagefind: Promise<Pagefind> | null = null;
function loadPagefind(): Promise<Pagefind> {
  const url = '/pagefind/pagefind.js';
  pagefind ??= import(/* @vite-ignore */ url).then(async (pf: Pagefind) => {
    await pf.options({ excerptLength: 24 });
    return pf;
  });
  return pagefind;
}

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, children: (Node | string)[] = []) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}

export function startSearch(): void {
  const root = document.getElementById('search-results');
  const form = document.querySelector<HTMLFormElement>('form[data-search-form]');
  if (!root || !form) return;
  const labels = JSON.parse(root.dataset.labels ?? '{}') as Labels;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-list')!;
  const pages = document.getElementById('search-pages')!;
  document.getElementById('search-noscript')?.setAttribute('hidden', '');
  root.hidden = false;
  let run = 0;

  const setForm = (state: SearchState) => {
    for (const name of ['q', 'kategori', 'unit', 'tahun'] as const) {
      const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
      if (field) field.value = state[name];
    }
  };

  const pageLink = (state: SearchState, page: number, text: string, rel?: string) => {
    const a = el('a', { href: `${location.pathname}${searchQuery({ ...state, page })}`, textContent: text });
    if (rel) a.rel = rel;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      navigate({ ...state, page });
      status.focus();
    });
    return el('li', { className: 'pagination__item' }, [a]);
  };

  async function show(state: SearchState) {
    const mine = ++run;
    setForm(state);
    list.replaceChildren();
    pages.hidden = true;
    if (!hasQuery(state)) {
      status.textContent = labels.prompt;
      return;
    }
    status.textContent = labels.loading;
    root!.setAttribute('aria-busy', 'true');
    try {
      const pf = await loadPagefind();
      const found = await pf.search(state.q || null, { filters: pagefindFilters(state) });
      if (mine !== run) return;
      const total = found.results.length;
      const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(state.page, pageCount);
      const slice = await Promise.all(found.results.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((r) => r.data()));
      if (mine !== run) return;
      status.textContent = total === 0 ? labels.none : fill(labels.count, { total: total.toLocaleString(document.documentElement.lang) });
      list.replaceChildren(
        ...slice.map((item) => {
          const excerpt = el('p', { className: 'dip-item__summary' });
          for (const seg of excerptSegments(item.excerpt, decodeEntities)) excerpt.append(seg.mark ? el('mark', { textContent: seg.text }) : seg.text);
          const kategori = item.filters.kategori?.[0];
          return el('li', { className: 'dip-item' }, [
            el('h3', { className: 'dip-item__title' }, [el('a', { href: item.url, textContent: item.meta.title ?? item.url })]),
            el('p', { className: 'dip-item__meta' }, [
              `${labels.nomor}: ${item.meta.nomor ?? ''}`,
              ...(kategori ? [' · ', el('span', { className: `tag tag--${kategori}`, textContent: labels.kategori[kategori] ?? kategori })] : []),
            ]),
            excerpt,
          ]);
        }),
      );
      if (pageCount > 1) {
        const items = [];
        if (page > 1) items.push(pageLink(state, page - 1, labels.prev, 'prev'));
        if (page < pageCount) items.push(pageLink(state, page + 1, labels.next, 'next'));
        pages.replaceChildren(el('p', { className: 'pagination__summary', textContent: fill(labels.summary, { page, pageCount }) }), el('ul', { className: 'pagination__list' }, items));
        pages.hidden = false;
      }
    } catch {
      if (mine === run) status.textContent = labels.error;
    } finally {
      if (mine === run) root!.removeAttribute('aria-busy');
    }
  }

  function navigate(state: SearchState) {
    history.pushState(null, '', `${location.pathname}${searchQuery(state)}`);
    void show(state);
  }

  status.tabIndex = -1;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    navigate({
      q: String(data.get('q') ?? '').trim(),
      kategori: String(data.get('kategori') ?? ''),
      unit: String(data.get('unit') ?? ''),
      tahun: String(data.get('tahun') ?? ''),
      page: 1,
    });
  });
  window.addEventListener('popstate', () => void show(parseSearch(location.search)));
  void show(parseSearch(location.search));
}
