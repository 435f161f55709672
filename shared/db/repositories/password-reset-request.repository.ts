import { epochSeconds, nowIso } from '../../domain/clock';
import { PasswordResetRequestEntity } from '../entities/password-reset-request.entity';
import { newId } from '../keys';
import { db } from '../service';

const DAY = 24 * 60 * 60;

export type PasswordResetRequestRow = { requestId: string; email: string };

export const passwordResetRequestRepository = {
  /** Queue a reset for the address; the events function sends the mail if it has a login. */
  async create(email: string): Promise<void> {
    await db().entities.passwordResetRequest.create({ requestId: newId(), email, createdAt: nowIso(), expiresAt: epochSeconds() + DAY }).go();
  },

  /** The request a table-stream image holds, or undefined when it is not one. */
  parse(item: Record<string, unknown>): PasswordResetRequestRow | undefined {
    const { data } = PasswordResetRequestEntity().parse({ Item: item });
    return data ? { requestId: data.requestId, email: data.email } : undefined;
  },

  /** Its deletion on condition that it is still there: a replayed stream record sends nothing twice. */
  consumeOperation(requestId: string) {
    return db().entities.passwordResetRequest.delete({ requestId }).where((attr, { exists }) => exists(attr.email)).params();
  },
};
