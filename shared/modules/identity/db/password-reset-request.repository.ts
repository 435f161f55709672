import { epochSeconds, nowIso } from '../../../platform/clock';
import { newId } from '../../../platform/db/keys';
import { dueUnits, newWork, type WorkPatch, type WorkState } from '../../../platform/work/work-unit';
import { PasswordResetRequestEntity } from './password-reset-request.entity';

const DAY = 24 * 60 * 60;

export type PasswordResetRequestRow = { requestId: string; email: string };

export const passwordResetRequestRepository = {
  /** Queue a reset for the address; background work mails the link if it has a login. */
  async create(email: string): Promise<void> {
    const now = nowIso();
    await PasswordResetRequestEntity().create({ requestId: newId(), email, createdAt: now, expiresAt: epochSeconds() + DAY, ...newWork(now) }).go();
  },

  /** The request a stored item (a stream image, a swept unit) holds, or undefined when it is not one. */
  parse(item: Record<string, unknown>): PasswordResetRequestRow | undefined {
    const { data } = PasswordResetRequestEntity().parse({ Item: item });
    return data ? { requestId: data.requestId, email: data.email } : undefined;
  },

  /** The update of one request's work state. */
  patch(requestId: string): WorkPatch {
    return PasswordResetRequestEntity().patch({ requestId }) as unknown as WorkPatch;
  },

  /** Requests in `state` due by `now` (see shared/platform/work/work-unit.ts), as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(PasswordResetRequestEntity().query.workDue({ workState: state }), now, limit);
  },
};
