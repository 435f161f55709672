import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * An SLA policy. Policies are few (a handful per company) and always read together, so one
 * index holds them all in rank order: the ticket service picks from a single Query.
 */
export const SlaPolicyEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'slaPolicy', version: '1', service: 'relasi' },
    attributes: {
      policyId: { type: 'string', required: true, readOnly: true },
      name: { type: 'string', required: true },
      timeZone: { type: 'string', required: true },
      /** Partial<Record<Weekday, BusinessHours>> (shared/modules/desk/domain/sla-clock.ts). */
      businessHours: { type: 'any', required: true },
      holidays: { type: 'list', items: { type: 'string' }, required: true },
      /** SlaTargets (shared/modules/desk/domain/sla-policy.ts). */
      targets: { type: 'any', required: true },
      /** TicketStatus[] (shared/modules/desk/domain/service-vocabulary.ts). */
      pauseStatuses: { type: 'list', items: { type: 'string' }, required: true },
      /** SlaAppliesTo (shared/modules/desk/domain/sla-policy.ts). */
      appliesTo: { type: 'any', required: true },
      // Padded so the index sorts ranks as numbers (9 before 10).
      rank: { type: 'number', required: true, padding: { length: 4, char: '0' } },
      active: { type: 'boolean', required: true },
      version: { type: 'number', required: true },
      createdAt: { type: 'string', required: true, readOnly: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['policyId'] },
        sk: { field: 'sk', composite: [] },
      },
      /** Every policy, lowest rank first. */
      byRank: {
        index: 'gsi1',
        pk: { field: 'gsi1pk', composite: [] },
        sk: { field: 'gsi1sk', composite: ['rank', 'policyId'] },
      },
    },
  }),
);
