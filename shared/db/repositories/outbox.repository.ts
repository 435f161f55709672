import type { MailParams, MailTemplate } from '../../domain/mail';
import type { Locale } from '../../domain/identity';
import { epochSeconds, nowIso } from '../../domain/clock';
import { newId } from '../keys';
import { db } from '../service';
import { dueUnits, newWork, type WorkPatch, type WorkState } from '../work-unit';

const WEEK = 7 * 24 * 60 * 60;

export const outboxRepository = {
  /** The put of an e-mail to send (in the conversation `threadId` names, if any); the events function sends it when it reaches the stream. */
  mailOperation(to: string, template: MailTemplate, locale: Locale, params: MailParams, threadId?: string) {
    const now = nowIso();
    return db()
      .entities.outboxMail.create({ mailId: newId(), to, template, locale, params, ...(threadId ? { threadId } : {}), createdAt: now, expiresAt: epochSeconds() + WEEK, ...newWork(now) })
      .params();
  },

  /** The update of one mail's work state. */
  patch(mailId: string): WorkPatch {
    return db().entities.outboxMail.patch({ mailId }) as unknown as WorkPatch;
  },

  /** Mails in `state` due by `now` (see shared/db/work-unit.ts), as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(db().entities.outboxMail.query.workDue({ workState: state }), now, limit);
  },
};
