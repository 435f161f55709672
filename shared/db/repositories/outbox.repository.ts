import type { MailParams, MailTemplate } from '../../domain/mail';
import type { Locale } from '../../domain/identity';
import { epochSeconds, nowIso } from '../../domain/clock';
import { newId } from '../keys';
import { db } from '../service';

const WEEK = 7 * 24 * 60 * 60;

export const outboxRepository = {
  /** The put of an e-mail to send; the events function sends it when it reaches the stream. */
  mailOperation(to: string, template: MailTemplate, locale: Locale, params: MailParams) {
    return db()
      .entities.outboxMail.create({ mailId: newId(), to, template, locale, params, createdAt: nowIso(), expiresAt: epochSeconds() + WEEK })
      .params();
  },
};
