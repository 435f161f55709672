import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * How many open tickets an agent holds. Every ticket change that moves a ticket into or out of
 * an agent's open work adjusts it in the same transaction, so assignment never counts a queue.
 */
export const AgentLoadEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'agentLoad', version: '1', service: 'relasi' },
    attributes: {
      agentId: { type: 'string', required: true, readOnly: true },
      openCount: { type: 'number', default: 0 },
    },
    indexes: {
      byAgent: {
        pk: { field: 'pk', composite: [] },
        sk: { field: 'sk', composite: ['agentId'] },
      },
    },
  }),
);
