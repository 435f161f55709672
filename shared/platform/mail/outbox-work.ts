import { OutboxMailEntity } from './outbox-mail.entity';
import { outboxRepository } from './outbox.repository';
import { completeUnit } from '../work/work-unit';
import { isLocale, type Locale } from '../locale';
import { config } from '../config';
import type { MailAttachers, MailParams, MailTemplate, MailTemplates } from './mail-template';
import { PermanentWorkError, type WorkKind } from '../work/work-runner';
import { sendMail } from './mail-sender';
import { renderMail, type RenderedMail } from './mail-renderer';


/** The modules' mails as one lookup by name; a name two modules claim is a mistake caught at start. */
function templateRegistry(sets: readonly MailTemplates[]): ReadonlyMap<string, MailTemplate> {
  const registry = new Map<string, MailTemplate>();
  for (const [name, template] of sets.flatMap((set) => Object.entries(set))) {
    if (registry.has(name)) throw new Error(`Two mail templates are named ${name}`);
    registry.set(name, template);
  }
  return registry;
}

/** The mail an outbox item asks for; a PermanentWorkError when the item is malformed, names no registered template or cannot be rendered. */
function renderOutboxItem(item: Record<string, unknown>, templates: ReadonlyMap<string, MailTemplate>): { mailId: string; to: string; locale: Locale; name: string; params: MailParams; mail: RenderedMail; template: MailTemplate; threadId?: string } {
  const { data } = OutboxMailEntity().parse({ Item: item });
  if (!data || !isLocale(data.locale)) throw new PermanentWorkError('malformed outbox item');
  const template = templates.get(data.template);
  if (!template) throw new PermanentWorkError(`unknown mail template: ${data.template}`);
  try {
    const params = data.params ?? {};
    return { mailId: data.mailId, to: data.to, locale: data.locale, name: data.template, params, mail: renderMail(template, data.locale, params), template, ...(data.threadId ? { threadId: data.threadId } : {}) };
  } catch (error) {
    throw new PermanentWorkError(`cannot render the ${data.template} mail: ${String(error)}`, { cause: error });
  }
}

/**
 * Outbox mails, rendered with the templates the modules register (`templateSets`, each a
 * module's mails by name), with the files `attachers` build for their template (a document's
 * PDF, made when the mail is sent, never stored in the item). Sent at most once: the claim marks the mail as being sent before SES
 * is asked, and the SES message id is recorded with `done`. A claim that ran out without that
 * record is not sent again (SES may have sent it before the worker died): the sweep marks it
 * `failed` (`outcome_unknown`). An error answer from SES gives the mail back for a later attempt.
 */
export function outboxMailWorkFor(templateSets: readonly MailTemplates[], attachers: MailAttachers = {}): WorkKind {
  const templates = templateRegistry(templateSets);
  return {
    entity: 'outboxMail',
    patch: (item) => outboxRepository.patch(String(item.mailId)),
    due: (state, now, limit) => outboxRepository.due(state, now, limit),
    leaseMs: 60_000,
    retakeExpired: false,
    async run(item, claim) {
      const rendered = renderOutboxItem(item, templates);
      const attach = attachers[rendered.name];
      const attachments = attach ? await attach(rendered.params, rendered.locale) : [];
      const sesMessageId = await sendMail(
        rendered.to,
        rendered.mail,
        {
          ...(rendered.template.replyToSupport ? { replyTo: config().supportAddress } : {}),
          ...(rendered.threadId ? { threadId: rendered.threadId } : {}),
        },
        attachments,
      );
      await completeUnit(() => outboxRepository.patch(rendered.mailId), claim, sesMessageId ? { sesMessageId } : {}).go();
    },
  };
}
