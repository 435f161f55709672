import { OutboxMailEntity } from './outbox-mail.entity';
import { outboxRepository } from './outbox.repository';
import { completeUnit } from '../work/work-unit';
import { LOCALES, type Locale } from '../locale';
import { config } from '../config';
import { MAIL_TEMPLATES, SUPPORT_THREAD_TEMPLATES, type MailTemplate } from './mail-template';
import { PermanentWorkError, type WorkKind } from '../work/work-runner';
import { sendMail } from './mail-sender';
import { renderMail, type RenderedMail } from './mail-templates';

const isTemplate = (value: string): value is MailTemplate => (MAIL_TEMPLATES as readonly string[]).includes(value);
const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The mail an outbox item asks for; a PermanentWorkError when the item is malformed or cannot be rendered. */
export function renderOutboxItem(item: Record<string, unknown>): { mailId: string; to: string; mail: RenderedMail; template: MailTemplate; threadId?: string } {
  const { data } = OutboxMailEntity().parse({ Item: item });
  if (!data || !isTemplate(data.template) || !isLocale(data.locale)) throw new PermanentWorkError('malformed outbox item');
  try {
    return { mailId: data.mailId, to: data.to, mail: renderMail(data.template, data.locale, data.params ?? {}), template: data.template, ...(data.threadId ? { threadId: data.threadId } : {}) };
  } catch (error) {
    throw new PermanentWorkError(`cannot render the ${data.template} mail: ${String(error)}`, { cause: error });
  }
}

/**
 * Outbox mails. Sent at most once: the claim marks the mail as being sent before SES is asked,
 * and the SES message id is recorded with `done`. A claim that ran out without that record is
 * not sent again (SES may have sent it before the worker died): the sweep marks it `failed`
 * (`outcome_unknown`). An error answer from SES gives the mail back for a later attempt.
 */
export const outboxMailWork: WorkKind = {
  entity: 'outboxMail',
  patch: (item) => outboxRepository.patch(String(item.mailId)),
  due: (state, now, limit) => outboxRepository.due(state, now, limit),
  leaseMs: 60_000,
  retakeExpired: false,
  async run(item, claim) {
    const rendered = renderOutboxItem(item);
    const sesMessageId = await sendMail(rendered.to, rendered.mail, {
      ...(SUPPORT_THREAD_TEMPLATES.has(rendered.template) ? { replyTo: config().supportAddress } : {}),
      ...(rendered.threadId ? { threadId: rendered.threadId } : {}),
    });
    await completeUnit(() => outboxRepository.patch(rendered.mailId), claim, sesMessageId ? { sesMessageId } : {}).go();
  },
};
