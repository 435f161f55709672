import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { workAttributes, workDueIndex } from '../../../platform/work/work-unit';

/**
 * A password reset asked for an address, and a unit of background work (shared/platform/work/work-unit.ts):
 * the API only queues it, so it answers before anyone looks up whether the address has a login,
 * and known and unknown addresses cost the request the same. The events function works it when
 * it reaches the table stream, the schedule's sweep when that did not happen. The TTL clears it
 * a day later, whatever became of it.
 */
export const PasswordResetRequestEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'passwordResetRequest', version: '1', service: 'relasi' },
    attributes: {
      requestId: { type: 'string', required: true, readOnly: true },
      email: { type: 'string', required: true, readOnly: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
      ...workAttributes,
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['requestId'] },
        sk: { field: 'sk', composite: [] },
      },
      workDue: workDueIndex,
    },
  }),
);

export type PasswordResetRequestRow = EntityItem<ReturnType<typeof PasswordResetRequestEntity>>;
