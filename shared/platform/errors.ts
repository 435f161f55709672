/**
 * Typed domain errors. Services throw them; the API maps each kind to its HTTP status
 * once, in its error handler. `code` is the stable, machine-readable part of the answer.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_required'
  | 'business_rule'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media_type';

/**
 * One structured detail of an error answer (`error.details[]`), for portals and API clients to
 * read instead of the message, which is English prose. Each code fills the keys that describe
 * it; ErrorDetailSchema documents them in the OpenAPI document.
 */
export type ErrorDetail = {
  /** The request field at fault, dot-separated ("targets.urgent.firstResponseMinutes"). */
  path?: string;
  /** What is wrong with that field, in English. */
  message?: string;
  /** The kind of problem: zod's issue code, `field_not_allowed`, or the CSV parser's code. */
  code?: string;
  /** A lead field of an import's mapping (duplicate_mapping, mapping_incomplete). */
  field?: string;
  /** The file columns mapped to that one field (duplicate_mapping). */
  columns?: string[];
  /** A column the import's mapping names that the file does not have (unknown_column). */
  column?: string;
  /** The line where the file stops being readable CSV (invalid_csv). */
  line?: number;
  /** The data rows the file has (too_many_rows). */
  rows?: number;
  /** The most data rows one import takes (too_many_rows). */
  maxRows?: number;
  /** The most bytes the request body may have (payload_too_large). */
  maxBytes?: number;
  /** Seconds to wait before trying again, as in the Retry-After header (too_many_attempts). */
  retryAfterSeconds?: number;
};

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: ErrorDetail[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: ErrorDetail[], code = 'validation_failed') {
    super('validation', code, message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in to continue.', code = 'unauthenticated') {
    super('unauthenticated', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super('forbidden', code, message);
  }
}

/** Missing and out-of-reach records raise the same error, so probing learns nothing. */
export class NotFoundError extends DomainError {
  constructor(what = 'Record') {
    super('not_found', 'not_found', `${what} not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super('conflict', code, message, undefined, options);
  }
}

export class VersionConflictError extends ConflictError {
  constructor(readonly currentVersion?: number) {
    super('version_conflict', 'The record was changed by someone else. Reload it and try again.');
  }
}

export class PreconditionRequiredError extends DomainError {
  constructor() {
    super('precondition_required', 'precondition_required', 'Send the record version in an If-Match header.');
  }
}

export class BusinessRuleError extends DomainError {
  constructor(code: string, message: string) {
    super('business_rule', code, message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message = 'Too many attempts. Try again later.',
    readonly retryAfterSeconds = 60,
    code = 'too_many_attempts',
  ) {
    super('rate_limited', code, message, [{ retryAfterSeconds }]);
  }
}
