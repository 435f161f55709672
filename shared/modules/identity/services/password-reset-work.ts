import { passwordResetRequestRepository } from '../db/password-reset-request.repository';
import { PermanentWorkError, type WorkKind } from '../../../platform/work/work-runner';

/**
 * Password reset requests: the link mailed if the address has a login. Token, mail and the
 * request's `done` commit in one transaction (registrationService.sendPasswordReset), so the
 * effect happens at most once and a request whose worker vanished may simply be worked again:
 * the late worker's transaction names a claim that no longer holds and changes nothing.
 */
export const passwordResetRequestWork: WorkKind = {
  entity: 'passwordResetRequest',
  patch: (item) => passwordResetRequestRepository.patch(String(item.requestId)),
  due: (state, now, limit) => passwordResetRequestRepository.due(state, now, limit),
  leaseMs: 60_000,
  retakeExpired: true,
  async run(item, claim) {
    const request = passwordResetRequestRepository.parse(item);
    if (!request) throw new PermanentWorkError('malformed password reset request');
    // Loaded on demand: the identity services stay out of the mail path's cold start.
    const { registrationService } = await import('./registration.service');
    await registrationService.sendPasswordReset(request, claim);
  },
};
