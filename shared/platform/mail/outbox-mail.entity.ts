import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../db/lazy-entity';
import { LOCALES } from '../locale';
import { workAttributes, workDueIndex } from '../work/work-unit';

/**
 * An e-mail to send, and a unit of background work (shared/platform/work/work-unit.ts). The API writes it
 * (in the same transaction as the change that causes it, where there is one); the events
 * function sends it when the item arrives on the table stream, the schedule's sweep when that
 * did not happen. The API therefore never loads the SES client.
 */
export const OutboxMailEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'outboxMail', version: '1', service: 'relasi' },
    attributes: {
      mailId: { type: 'string', required: true },
      to: { type: 'string', required: true },
      /** The name a module's mail is known by (the registry in functions/work-kinds.ts); checked when the mail is rendered. */
      template: { type: 'string', required: true },
      locale: { type: LOCALES, required: true },
      params: { type: 'map', properties: {
        name: { type: 'string' },
        url: { type: 'string' },
        company: { type: 'string' },
        reference: { type: 'string' },
        title: { type: 'string' },
        message: { type: 'string' },
        number: { type: 'string' },
        amount: { type: 'string' },
        dueDate: { type: 'string' },
        bankName: { type: 'string' },
        accountNumber: { type: 'string' },
        accountHolder: { type: 'string' },
        documentId: { type: 'string' },
      } },
      /** The thread id the mail names in References and In-Reply-To (mails about one ticket). */
      threadId: { type: 'string' },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true },
      /** The id SES gave the sent mail: the record that it went, once. */
      sesMessageId: { type: 'string' },
      ...workAttributes,
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['mailId'] },
        sk: { field: 'sk', composite: [] },
      },
      workDue: workDueIndex,
    },
  }),
);

export type OutboxMailRow = EntityItem<ReturnType<typeof OutboxMailEntity>>;
