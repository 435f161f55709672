import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { LEAD_SOURCES, LEAD_STATUSES } from '../domain/sales-vocabulary';

/**
 * A sales lead. Written whole (a conditional put on `version`), so every index key, sparse
 * ones included, always matches the stored fields.
 */
export const LeadEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'lead', version: '1', service: 'relasi' },
    attributes: {
      leadId: { type: 'string', required: true, readOnly: true },
      title: { type: 'string', required: true },
      companyName: { type: 'string' },
      contactName: { type: 'string', required: true },
      email: { type: 'string' },
      phone: { type: 'string' },
      source: { type: LEAD_SOURCES, required: true },
      memo: { type: 'string' },
      productInterest: { type: 'string' },
      territory: { type: 'string' },
      status: { type: LEAD_STATUSES, required: true },
      score: { type: 'number', required: true },
      ownerId: { type: 'string' },
      /** The CSV import that created the lead (its owner hears of the import's leads in their list, not one notice each). */
      importId: { type: 'string', readOnly: true },
      /** The owner, or `unassigned`: the partition of the byOwner index, so unassigned leads form a queue too. */
      ownerKey: { type: 'string', required: true },
      disqualifyReason: { type: 'string' },
      convertedTo: {
        type: 'map',
        properties: { accountId: { type: 'string', required: true }, contactId: { type: 'string', required: true }, opportunityId: { type: 'string', required: true } },
      },
      /** The duplicate-marker keys written for this lead, so a change can remove the stale ones. */
      matchKeys: { type: 'list', items: { type: 'string' }, required: true, default: () => [] },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['leadId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** All leads, newest first. */
      byCreated: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['createdAt', 'leadId'] },
      },
      /** Leads in one status, newest first (the "new leads" queue). */
      byStatus: {
        index: 'gsi2',
        pk: { field: 'gsi2pk', composite: ['status'] },
        sk: { field: 'gsi2sk', composite: ['createdAt', 'leadId'] },
      },
      /** A rep's leads by status: "my leads", the open-lead workload assignment weighs, and the unassigned queue. */
      byOwner: {
        index: 'gsi3',
        pk: { field: 'gsi3pk', composite: ['ownerKey'] },
        sk: { field: 'gsi3sk', composite: ['status', 'createdAt', 'leadId'] },
      },
    },
  }),
);

/** A lead as stored. */
export type LeadRow = EntityItem<ReturnType<typeof LeadEntity>>;
