import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * Lead settings, each one small item in one partition: `rules` (scoring + assignment rules
 * as JSON), `rotation` (the id of the last rep a lead went to, for round-robin) and
 * `rep#<userId>` (`true` when the rep opted out of new leads).
 */
export const LeadSettingEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'leadSetting', version: '1', service: 'relasi' },
    attributes: {
      name: { type: 'string', required: true, readOnly: true },
      /** Text whose shape depends on the setting; the rules are validated with zod when read. */
      data: { type: 'string', required: true },
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
