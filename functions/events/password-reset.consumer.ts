import { passwordResetRequestRepository } from '../../shared/db/repositories/password-reset-request.repository';
import { registrationService } from '../../shared/services/identity/registration.service';

/** Mails the reset link a newly inserted request asks for; a malformed item is skipped, as retrying cannot fix it. */
export async function handlePasswordResetRequest(item: Record<string, unknown>): Promise<void> {
  const request = passwordResetRequestRepository.parse(item);
  if (!request) {
    console.error('password reset request: malformed item skipped', { pk: item.pk });
    return;
  }
  await registrationService.sendPasswordReset(request);
}
