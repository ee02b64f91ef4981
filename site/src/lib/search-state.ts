/** The search page's state in its URL (?q=&kategori=&unit=&tahun=&page=), both ways. Pure. */
export interface SearchState {
  q: string;
  kategori: string;
  unit: string;
  tahun: string;
  page: number;
}

const FILTERS = ['kategori', 'unit', 'tahun'] as const;
export type FilterName = (typeof FILTERS)[number];

export function parseSearch(search: string): SearchState {
  const params = new URLSearchParams(search);
  const value = (name: string, max: number) => (params.get(name) ?? '').trim().slice(0, max);
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: value('q', 100),
    kategori: value('kategori', 40),
    unit: value('unit', 200),
    tahun: /^\d{4}$/.test(value('tahun', 4)) ? value('tahun', 4) : '',
    page: Number.isFinite(page) && page >= 1 ? Math.min(page, 10000) : 1,
  };
}

/** The query string of a state, without empty values or page 1 ('' when nothing is set). */
export function searchQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) if (state[f]) params.set(f, state[f]);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind's filter object for a state (only the filters that are set). */
export function pagefindFilters(state: SearchState): Partial<Record<FilterName, string>> {
  const out: Partial<Record<FilterName, string>> = {};
  for (const f of FILTERS) if (state[f]) out[f] = state[f];
  return out;
}

export function hasQuery(state: SearchState): boolean {
  return Boolean(state.q || state.kategori || state.unit || state.tahun);
}

/** A Pagefind excerpt ("text <mark>hit</mark> text") as alternating plain/marked segments, tags gone. */
export function excerptSegments(excerpt: string, decode: (html: string) => string): { text: string; mark: boolean }[] {
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter((part) => part !== '')
    .map((part) => {
      const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
      return { text: decode(marked ? marked[1] : part), mark: Boolean(marked) };
    })
    .filter((s) => s.text !== '');
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decode the character references Pagefind leaves in excerpts; unknown ones stay as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}
