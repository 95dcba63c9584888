/** What a search can be narrowed to (the API's SearchQuery filters), as kept in the address. */
export interface SearchFilters {
  readonly bodyId?: string;
  readonly from?: string;
  readonly to?: string;
  readonly type?: SearchType;
}

export type SearchType = 'case' | 'document' | 'meeting';
export const SEARCH_TYPES: readonly SearchType[] = ['case', 'document', 'meeting'];

/** The address's query parameters (Norwegian, like `side`) for each filter. */
export const FILTER_PARAMS = { bodyId: 'organ', from: 'fra', to: 'til', type: 'type' } as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A real calendar day written YYYY-MM-DD (what `<input type="date">` gives). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** The filters in the address, leaving out anything malformed (a hand-edited link still searches). */
export function filtersFrom(params: {
  organ?: string | null;
  fra?: string | null;
  til?: string | null;
  type?: string | null;
}): SearchFilters {
  const from = params.fra && isDay(params.fra) ? params.fra : undefined;
  let to = params.til && isDay(params.til) ? params.til : undefined;
  if (from && to && to < from) to = undefined;
  const type = SEARCH_TYPES.find((t) => t === params.type);
  return {
    ...(params.organ && UUID.test(params.organ) ? { bodyId: params.organ } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(type ? { type } : {}),
  };
}

/** The filters as query parameters for the router (null removes one from the address). */
export function filterParams(filters: SearchFilters): Record<string, string | null> {
  return {
    [FILTER_PARAMS.bodyId]: filters.bodyId ?? null,
    [FILTER_PARAMS.from]: filters.from ?? null,
    [FILTER_PARAMS.to]: filters.to ?? null,
    [FILTER_PARAMS.type]: filters.type ?? null,
  };
}

/** What the filter form's fields hold, checked: a translation key for each field that is wrong. */
export function readFilterForm(form: HTMLFormElement): {
  filters: SearchFilters;
  errors: Partial<Record<'from' | 'to', string>>;
} {
  const data = new FormData(form);
  const value = (name: string): string => {
    const entry = data.get(name);
    return typeof entry === 'string' ? entry.trim() : '';
  };
  const errors: Partial<Record<'from' | 'to', string>> = {};
  const from = value('from');
  const to = value('to');
  if (from && !isDay(from)) errors.from = 'filters.badDate';
  if (to && !isDay(to)) errors.to = 'filters.badDate';
  if (!errors.from && !errors.to && from && to && to < from) errors.to = 'filters.backwards';
  const type = SEARCH_TYPES.find((t) => t === value('type'));
  const bodyId = value('bodyId');
  return {
    filters: {
      ...(bodyId ? { bodyId } : {}),
      ...(from && !errors.from ? { from } : {}),
      ...(to && !errors.to ? { to } : {}),
      ...(type ? { type } : {}),
    },
    errors,
  };
}
