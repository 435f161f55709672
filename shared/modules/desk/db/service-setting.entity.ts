import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * Service desk settings, each one small item in one partition: `settings` (teams, canned
 * replies, escalation rules, manager e-mails as JSON, validated with zod when read) and
 * `rotation#<teamId>` (the agent the team's last ticket went to, for round-robin).
 */
export const ServiceSettingEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'serviceSetting', version: '1', service: 'relasi' },
    attributes: {
      name: { type: 'string', required: true, readOnly: true },
      data: { type: 'string', required: true },
      version: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
    },
    indexes: {
      byName: {
        pk: { field: 'pk', composite: [] },
        sk: { field: 'sk', composite: ['name'] },
      },
    },
  }),
);

export type ServiceSettingRow = EntityItem<ReturnType<typeof ServiceSettingEntity>>;
