import { ApiError } from '../api/client';
import { t, type MessageKey } from './i18n';

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
const REGISTERED: Record<string, () => string> = {};

/** Adds sentences for a module's error codes; its pages call this once when they load. */
export function registerErrorMessages(messages: Record<string, () => string>): void {
  Object.assign(REGISTERED, messages);
}

/** Registers a module catalogue's `error.<code>` texts as the sentences for those API codes. */
export function registerCatalogueErrors<K extends string>(catalogue: Record<K, string>, translate: (key: K) => string): void {
  const keys = (Object.keys(catalogue) as K[]).filter((key) => key.startsWith('error.'));
  registerErrorMessages(Object.fromEntries(keys.map((key) => [key.slice('error.'.length), () => translate(key)])));
}

/** A sentence for the user, in the current locale, for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = KNOWN[error.code];
    if (key) return t(key);
    const registered = REGISTERED[error.code];
    if (registered) return registered();
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
