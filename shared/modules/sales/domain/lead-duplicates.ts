/**
 * Duplicate detection keys for leads. A lead is flagged when another lead shares its e-mail,
 * its company e-mail domain (free-mail domains excluded) or its normalised company name.
 * Each key is stored as a marker item, so finding duplicates is a keyed lookup, never a scan.
 */

/** Mail providers anyone can sign up with: sharing one says nothing about the company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.id', 'ymail.com', 'outlook.com', 'hotmail.com',
  'live.com', 'msn.com', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com',
  'mail.com', 'zoho.com', 'yandex.com', 'rocketmail.com',
]);

export const MATCH_KINDS = ['email', 'domain', 'company'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** How each kind of match is reported on the lead. */
export const MATCH_REASONS = { email: 'same_email', domain: 'same_domain', company: 'similar_company' } as const;
export type MatchReason = (typeof MATCH_REASONS)[MatchKind];

/** Another lead that may be the same prospect, and why. */
export type Duplicate = { leadId: string; reason: MatchReason; title: string };

// Legal forms that say nothing about which company it is ("PT. KITA" = "Kita Tbk").
const LEGAL_FORMS = new Set(['pt', 'cv', 'tbk', 'persero', 'ud', 'pd', 'fa', 'ltd', 'inc', 'llc', 'co', 'corp']);

/** Lower-case, without accents, punctuation, legal forms (PT., CV., Tbk) or extra spaces. */
export function normaliseCompanyName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((word) => word && !LEGAL_FORMS.has(word))
    .join(' ');
}

/** The company domain of an e-mail address, or undefined for free-mail and malformed addresses. */
export function companyDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  if (at < 1) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase();
  if (!domain || FREE_MAIL_DOMAINS.has(domain)) return undefined;
  return domain;
}

export type MatchKey = { kind: MatchKind; value: string };

/** The keys a lead is matched on. */
export function matchKeys(lead: { email?: string; companyName?: string }): MatchKey[] {
  const keys: MatchKey[] = [];
  const email = lead.email?.trim().toLowerCase();
  if (email) {
    keys.push({ kind: 'email', value: email });
    const domain = companyDomain(email);
    if (domain) keys.push({ kind: 'domain', value: domain });
  }
  const company = lead.companyName ? normaliseCompanyName(lead.companyName) : '';
  if (company) keys.push({ kind: 'company', value: company });
  return keys;
}

/** One string per key, as stored in the marker's partition key. */
export function matchKeyText(key: MatchKey): string {
  return `${key.kind}:${key.value}`;
}
