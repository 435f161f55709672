import { ForbiddenError, NotFoundError } from './errors';

/**
 * What a policy says: `allow`; `forbid` — the caller may see the record but not do this
 * (403); `hide` — the record is outside the caller's reach and must look missing (404).
 */
export type Decision = 'allow' | 'forbid' | 'hide';

/** Turn a decision into the matching error; `what` names the record in the 404 message. */
export function enforce(decision: Decision, what: string): void {
  if (decision === 'forbid') throw new ForbiddenError();
  if (decision === 'hide') throw new NotFoundError(what);
}

export function allowIf(condition: boolean, otherwise: Exclude<Decision, 'allow'> = 'forbid'): Decision {
  return condition ? 'allow' : otherwise;
}
