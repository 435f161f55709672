import type { MailParams } from './mail-template';
import type { Locale } from '../locale';
import { epochSeconds, nowIso } from '../clock';
import { newId } from '../db/keys';
import { dueUnits, newWork, type WorkState } from '../work/work-unit';
import { OutboxMailEntity } from './outbox-mail.entity';

const WEEK = 7 * 24 * 60 * 60;

export const outboxRepository = {
  /** The put of the mail `template` names (a module's mail) to send, in the conversation `threadId` names if any; the events function sends it when it reaches the stream. */
  mailOperation(to: string, template: string, locale: Locale, params: MailParams, threadId?: string) {
    const now = nowIso();
    return OutboxMailEntity().create({ mailId: newId(), to, template, locale, params, ...(threadId ? { threadId } : {}), createdAt: now, expiresAt: epochSeconds() + WEEK, ...newWork(now) })
      .params();
  },

  /** The update of one mail's work state. */
  patch(mailId: string) {
    return OutboxMailEntity().patch({ mailId });
  },

  /** Mails in `state` due by `now` (see shared/platform/work/work-unit.ts), as stored: what the stream hands over too. */
  due(state: WorkState, now: string, limit: number): Promise<Record<string, unknown>[]> {
    return dueUnits(OutboxMailEntity().query.workDue({ workState: state }), now, limit);
  },
};
