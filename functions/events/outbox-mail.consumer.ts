import { OutboxMailEntity } from '../../shared/db/entities/outbox-mail.entity';
import { LOCALES, type Locale } from '../../shared/domain/identity';
import { config } from '../../shared/config';
import { MAIL_TEMPLATES, SUPPORT_THREAD_TEMPLATES, type MailTemplate } from '../../shared/domain/mail';
import { sendMail } from '../../shared/services/mail/mail-sender';
import { renderMail, type RenderedMail } from '../../shared/services/mail/mail-templates';

/** ElectroDB's entity marker on every item it writes. */
export const OUTBOX_MAIL_ENTITY = 'outboxMail';

const isTemplate = (value: string): value is MailTemplate => (MAIL_TEMPLATES as readonly string[]).includes(value);
const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** The mail an outbox item asks for, or undefined with a logged reason when the item is malformed. */
export function renderOutboxItem(item: Record<string, unknown>): { to: string; mail: RenderedMail; template: MailTemplate; threadId?: string } | undefined {
  const { data } = OutboxMailEntity().parse({ Item: item });
  if (!data || !isTemplate(data.template) || !isLocale(data.locale)) {
    console.error('outbox mail: malformed item skipped', { pk: item.pk });
    return undefined;
  }
  try {
    return { to: data.to, mail: renderMail(data.template, data.locale, data.params ?? {}), template: data.template, ...(data.threadId ? { threadId: data.threadId } : {}) };
  } catch (error) {
    console.error('outbox mail: cannot render, skipped', { mailId: data.mailId, error: String(error) });
    return undefined;
  }
}

/**
 * Sends the mail of a newly inserted outbox item. A malformed item is skipped, not thrown:
 * retrying cannot fix it and would hold up every later record of its shard.
 */
export async function sendOutboxMail(item: Record<string, unknown>): Promise<void> {
  const rendered = renderOutboxItem(item);
  if (!rendered) return;
  await sendMail(rendered.to, rendered.mail, { ...(SUPPORT_THREAD_TEMPLATES.has(rendered.template) ? { replyTo: config().supportAddress } : {}), ...(rendered.threadId ? { threadId: rendered.threadId } : {}) });
}
