import type { MailParams, MailTemplate } from '../../domain/mail';
import type { Locale } from '../../domain/identity';
import { epochSeconds, nowIso } from '../../domain/clock';
import { newId } from '../keys';
import { db } from '../service';

const WEEK = 7 * 24 * 60 * 60;

export const outboxRepository = {
  /** The put of an e-mail to send (in the conversation `threadId` names, if any); the events function sends it when it reaches the stream. */
  mailOperation(to: string, template: MailTemplate, locale: Locale, params: MailParams, threadId?: string) {
    return db()
      .entities.outboxMail.create({ mailId: newId(), to, template, locale, params, ...(threadId ? { threadId } : {}), createdAt: nowIso(), expiresAt: epochSeconds() + WEEK })
      .params();
  },
};
