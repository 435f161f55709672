import { ApiError } from '../api/client';
import { INTL_LOCALE } from '../../../../shared/platform/locale';
import { locale, t, type MessageKey, type Params } from './i18n';

const KNOWN: Record<string, MessageKey> = {
  network_error: 'error.network_error',
  invalid_credentials: 'error.invalid_credentials',
  too_many_attempts: 'error.too_many_attempts',
  rate_limited: 'error.too_many_attempts',
  version_conflict: 'error.version_conflict',
  precondition_required: 'error.precondition_required',
  invalid_token: 'error.invalid_token',
  email_not_verified: 'error.email_not_verified',
  not_found: 'error.not_found',
  forbidden: 'error.forbidden',
  unauthenticated: 'error.unauthenticated',
};

// Sentences for codes of modules whose texts live in their own catalogue (see registerErrorMessages).
const REGISTERED: Record<string, (error: ApiError) => string> = {};

/** Adds sentences for a module's error codes; its pages call this once when they load. */
export function registerErrorMessages(messages: Record<string, (error: ApiError) => string>): void {
  Object.assign(REGISTERED, messages);
}

/**
 * The answer's details as a text's `{name}` parameters ("at most {maxRows} rows"), numbers in the
 * locale's digits. Not kit/format's formatNumber: that module brings the money tables onto every page.
 */
function detailParams(error: ApiError): Params {
  const params: Params = {};
  for (const detail of error.details ?? []) {
    for (const [name, value] of Object.entries(detail)) {
      if (name in params) continue;
      if (typeof value === 'number') params[name] = value.toLocaleString(INTL_LOCALE[locale()]);
      else if (typeof value === 'string') params[name] = value;
    }
  }
  return params;
}

/** Registers a feature catalogue's `<module>.error.<code>` texts as the sentences for those API codes. */
export function registerCatalogueErrors(catalogue: Partial<Record<MessageKey, string>>): void {
  const sentences = (Object.keys(catalogue) as MessageKey[]).flatMap((key) => {
    const code = /^\w+\.error\.(\w+)$/.exec(key)?.[1];
    return code ? [[code, (error: ApiError) => t(key, detailParams(error))] as const] : [];
  });
  registerErrorMessages(Object.fromEntries(sentences));
}

/** A sentence for the user, in the current locale, for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = KNOWN[error.code];
    if (key) return t(key);
    const registered = REGISTERED[error.code];
    if (registered) return registered(error);
    if (error.status === 401) return t('error.unauthenticated');
    if (error.status === 403) return t('error.forbidden');
    if (error.status === 404) return t('error.not_found');
    if (error.status === 429) return t('error.too_many_attempts');
    if (error.status === 400) return t('error.validation_failed', { message: error.message });
    return t('error.generic', { message: error.message });
  }
  return t('error.generic', { message: error instanceof Error ? error.message : String(error) });
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}
