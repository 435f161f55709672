import { Entity } from 'electrodb';
import { lazyEntity } from '../../../shared/platform/db/lazy-entity';

/**
 * That a one-time local migration has run on this table. Most migrations find nothing to do on
 * a table that has them (a cheap query); one that must read the whole table (a Scan) runs once
 * and is marked here, so a restart does not read the table again.
 */
export const MigrationDoneEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'migrationDone', version: '1', service: 'relasi' },
    attributes: {
      name: { type: 'string', required: true, readOnly: true },
      at: { type: 'string', required: true, readOnly: true },
    },
    indexes: {
      byName: {
        pk: { field: 'pk', composite: ['name'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
