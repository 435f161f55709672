/** The query-string value `name` of the current page (pages are static, ids travel in the query). */
export function queryParam(name: string): string | null {
  return new URLSearchParams(window.location.search).get(name);
}

/** Only same-origin paths, so a crafted `?next=` cannot send the user to another site. */
export function safeNext(value: string | null, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function signInUrl(): string {
  const here = window.location.pathname + window.location.search;
  return `/sign-in/?next=${encodeURIComponent(here)}`;
}
