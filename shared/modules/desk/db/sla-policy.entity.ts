import { CustomAttributeType, Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { RECORD_ATTRIBUTES } from '../../../platform/db/record-attributes';
import type { BusinessCalendar } from '../domain/sla-clock';
import type { SlaAppliesTo, SlaTargets } from '../domain/sla-policy';
import type { TicketStatus } from '../domain/service-vocabulary';

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
      businessHours: { type: CustomAttributeType<BusinessCalendar['hours']>('any'), required: true },
      holidays: { type: 'list', items: { type: 'string' }, required: true },
      targets: { type: CustomAttributeType<SlaTargets>('any'), required: true },
      pauseStatuses: { type: 'list', items: { type: CustomAttributeType<TicketStatus>('string') }, required: true },
      appliesTo: { type: CustomAttributeType<SlaAppliesTo>('any'), required: true },
      // Padded so the index sorts ranks as numbers (9 before 10).
      rank: { type: 'number', required: true, padding: { length: 4, char: '0' } },
      active: { type: 'boolean', required: true },
      ...RECORD_ATTRIBUTES,
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

export type SlaPolicyRow = EntityItem<ReturnType<typeof SlaPolicyEntity>>;
