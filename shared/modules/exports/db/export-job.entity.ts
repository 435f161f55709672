import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { workAttributes, workDueIndex } from '../../../platform/work/work-unit';

/**
 * A CSV export of one list asked for by one user, and its unit of background work
 * (shared/platform/work/work-unit.ts): the file is written to object storage in the background,
 * page by page, because a 50,000-row list is more than a request may take or answer. `source`
 * names the list (services/export-sources.ts), `filter` holds its validated filters as JSON.
 * The TTL clears the job a week later; the bucket's lifecycle rule clears the file.
 */
export const ExportJobEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'exportJob', version: '1', service: 'relasi' },
    attributes: {
      exportId: { type: 'string', required: true, readOnly: true },
      userId: { type: 'string', required: true, readOnly: true },
      source: { type: 'string', required: true, readOnly: true },
      filter: { type: 'string', required: true, readOnly: true },
      locale: { type: 'string', required: true, readOnly: true },
      rows: { type: 'number', required: true, default: 0 },
      objectKey: { type: 'string' },
      createdAt: { type: 'string', required: true, readOnly: true },
      expiresAt: { type: 'number', required: true, readOnly: true },
      ...workAttributes,
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: ['exportId'] },
        sk: { field: 'sk', composite: [] },
      },
      workDue: workDueIndex,
    },
  }),
);

export type ExportJobRow = EntityItem<ReturnType<typeof ExportJobEntity>>;
