import { epochSeconds, nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { dueUnits, newWork, type WorkState } from '../../../platform/work/work-unit';
import { PasswordResetRequestEntity, type PasswordResetRequestRow } from './password-reset-request.entity';

const DAY = 24 * 60 * 60;

export const passwordResetRequestRepository = {
  /** Queue a reset for the address; background work mails the link if it has a login. */
  async create(email: string): Promise<void> {
    const now = nowIso();
    await PasswordResetRequestEntity().create({ requestId: newId(), email, createdAt: now, expiresAt: epochSeconds() + DAY, ...newWork(now) }).go();
  },

  /** The request a stored item (a stream image, a swept unit) holds, or undefined when it is not one. */
  parse(item: Record<string, unknown>): PasswordResetRequestRow | undefined {
    return PasswordResetRequestEntity().parse({ Item: item }).data ?? undefined;
  },

  /** The update of one request's work state. */
  patch(requestId: string) {
    return PasswordResetRequestEntity().patch({ requestId });
  },

  /** Requests in `state` due by `now` (see shared/platform/work/work-unit.ts), as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(PasswordResetRequestEntity().query.workDue({ workState: state }), now, limit);
  },
};
