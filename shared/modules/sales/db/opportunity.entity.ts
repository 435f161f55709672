import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { OPPORTUNITY_STATUSES } from '../domain/sales-vocabulary';

/** A potential sale to an account, followed through the pipeline stages. */
export const OpportunityEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'opportunity', version: '1', service: 'relasi' },
    attributes: {
      opportunityId: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true },
      accountId: { type: 'string', required: true },
      contactId: { type: 'string' },
      leadId: { type: 'string' },
      stage: { type: 'string', required: true },
      probability: { type: 'number', required: true },
      probabilityManual: { type: 'boolean', required: true, default: false },
      amount: { type: 'number', required: true },
      currency: { type: 'string', required: true },
      expectedCloseDate: { type: 'string' },
      priority: { type: 'number', required: true, default: 0 },
      ownerId: { type: 'string' },
      partnerId: { type: 'string' },
      status: { type: OPPORTUNITY_STATUSES, required: true },
      lostReason: { type: 'string' },
      closedAt: { type: 'string' },
      /** Board order inside a column: higher priority first, then oldest first (see boardRank()). */
      boardRank: { type: 'string', required: true },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['opportunityId'] },
        sk: { field: 'sk', composite: [] },
      },
      byAccount: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: ['accountId'] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'opportunityId'] },
      },
      /** Open opportunities per stage: each kanban column is one keyed Query. */
      openByStage: {
        index: 'gsi2',
        condition: (attr) => attr.status === 'open',
        pk: { field: 'gsi2pk', composite: ['stage'] },
        sk: { field: 'gsi2sk', composite: ['boardRank', 'opportunityId'] },
      },
      /** A rep's open opportunities: "my pipeline" and the workload that lead assignment weighs. */
      openByOwner: {
        index: 'gsi3',
        condition: (attr) => attr.status === 'open' && Boolean(attr.ownerId),
        pk: { field: 'gsi3pk', composite: ['ownerId'] },
        sk: { field: 'gsi3sk', composite: ['boardRank', 'opportunityId'] },
      },
    },
  }),
);

/** An opportunity as stored. */
export type OpportunityRow = EntityItem<ReturnType<typeof OpportunityEntity>>;
