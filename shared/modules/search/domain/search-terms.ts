/**
 * The words a record is found by in the global search, and a search box's text as terms to
 * look up. Pure: the term items are written and queried in search/db.
 */
import { normaliseLabel } from '../../sales/domain/lead-import';

/** The record types the global search answers with, in the order their groups are shown. */
export const SEARCH_TYPES = ['account', 'contact', 'lead', 'opportunity', 'quote', 'order', 'invoice', 'ticket'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const SEARCH_LIMITS = {
  /** Shorter queries answer nothing: two letters already narrow a partition to a few items. */
  minQueryChars: 2,
  queryChars: 100,
  /** Term items per record; a record has few names, so this only guards against pasted essays. */
  indexedTerms: 30,
  termChars: 60,
  /** Term partitions are keyed by record type and the term's first letters, as many as the shortest query has. */
  bucketChars: 2,
  /** Hits per type (the default and the most a caller may ask for). */
  perType: 5,
  maxPerType: 20,
  /** Items read from one term partition per type: more than the hits, since several terms of one record may match. */
  termMatches: 60,
} as const;

/**
 * Legal forms of Indonesian and foreign companies: a name's word that says what kind of
 * company it is, never which one ("PT. KITA" is found by "kita", not by "pt").
 */
export const LEGAL_FORMS: ReadonlySet<string> = new Set(['pt', 'cv', 'tbk', 'ud', 'persero', 'perum', 'pd', 'fa', 'koperasi', 'yayasan', 'ltd', 'inc', 'llc', 'corp', 'co', 'gmbh', 'bv', 'plc', 'pte', 'sdn', 'bhd']);

/** A text as it is compared: lower case, diacritics folded, punctuation turned into spaces. */
export function foldText(text: string): string {
  return normaliseLabel(text);
}

/** The words of a name that identify it: folded, legal forms dropped. */
export function nameWords(name: string | undefined): string[] {
  if (!name) return [];
  return foldText(name)
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word) && word.length <= SEARCH_LIMITS.termChars);
}

/** An e-mail address whole (lower case) and by its local part. */
export function emailTerms(email: string | undefined): string[] {
  const whole = email?.trim().toLowerCase();
  if (!whole || whole.length > SEARCH_LIMITS.termChars) return [];
  const local = whole.split('@')[0] ?? '';
  return local && local !== whole ? [whole, local] : [whole];
}

/** A phone number's digits in the national form (+62 812… and 0812… are one number), also without the trunk 0. */
export function phoneTerms(phone: string | undefined): string[] {
  const digits = nationalDigits(phone ?? '');
  if (digits.length < 6) return [];
  return digits.startsWith('0') ? [digits, digits.slice(1)] : [digits];
}

function nationalDigits(text: string): string {
  const digits = text.replace(/\D+/g, '');
  return digits.startsWith('62') ? `0${digits.slice(2)}` : digits;
}

/** A document number ("Q-2026-0007") whole and without separators ("q20260007"), so either way of typing it finds it. */
export function documentNumberTerms(number: string | undefined): string[] {
  const whole = number?.trim().toLowerCase();
  if (!whole) return [];
  const compact = compactText(whole);
  return compact && compact !== whole ? [whole, compact] : [whole];
}

function compactText(text: string): string {
  return foldText(text).replace(/ /g, '');
}

/** Distinct terms in the order given, capped. */
export function distinctTerms(terms: string[]): string[] {
  return [...new Set(terms.filter(Boolean))].slice(0, SEARCH_LIMITS.indexedTerms);
}

/** The partition a term lives in (with its record type). */
export function termBucket(term: string): string {
  return term.slice(0, SEARCH_LIMITS.bucketChars);
}

/**
 * A search box's text as the terms a hit must hold (each as the prefix of one of its terms).
 * Phone-like text is one term in national digits; a word with both letters and digits (a
 * document number) is compacted; an e-mail stays whole; other words are folded with legal
 * forms dropped. Words shorter than the minimum are dropped unless nothing else remains.
 */
export function queryTerms(query: string): string[] {
  const text = query.slice(0, SEARCH_LIMITS.queryChars).trim();
  if (/^[+\d][\d\s().-]*$/.test(text) && /\d/.test(text)) {
    const digits = nationalDigits(text);
    return digits.length >= SEARCH_LIMITS.minQueryChars ? [digits] : [];
  }
  const terms = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((token) => {
      if (token.includes('@')) return [token.toLowerCase()];
      if (/\d/.test(token) && /\p{L}/u.test(token)) return [compactText(token)];
      return nameWords(token);
    });
  return distinctTerms(terms.filter((term) => term.length >= SEARCH_LIMITS.minQueryChars));
}

/** The term a search queries by: the longest, which narrows the partition most. */
export function leadingTerm(terms: string[]): string | undefined {
  return terms.reduce<string | undefined>((best, term) => (!best || term.length > best.length ? term : best), undefined);
}

/** Whether a record with these terms answers every query term (each a prefix of one of them). */
export function holdsEvery(recordTerms: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((term) => recordTerms.some((own) => own.startsWith(term)));
}
