/** The query-string value `name` of the current page (pages are static, ids travel in the query). */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** The page of one record (`recordUrl('quote', id)` → "/quote/?id=…"): pages are static, so ids travel in the query. */
export function recordUrl(page: string, id: string): string {
  return `/${page}/?id=${encodeURIComponent(id)}`;
}

export const accountUrl = (id: string) => recordUrl('account', id);
export const leadUrl = (id: string) => recordUrl('lead', id);
export const opportunityUrl = (id: string) => recordUrl('opportunity', id);

/** Only same-origin paths, so a crafted `?next=` cannot send the user to another site. */
export function safeNext(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function signInUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/sign-in/?next=${encodeURIComponent(here)}`;
}
