import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * The pipeline definition: the ordered stages as one item, so replacing the list is one
 * conditional write and reading the board costs one GetItem.
 */
export const PipelineStagesEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'pipelineStages', version: '1', service: 'relasi' },
    attributes: {
      /** `[{id, name, probability, isWon, isLost}]`, validated by the stage schema before it is stored. */
      stages: { type: 'any', required: true },
      version: { type: 'number', required: true },
      updatedAt: { type: 'string', required: true },
      updatedBy: { type: 'string' },
    },
    indexes: {
      byId: {
        pk: { field: 'pk', composite: [] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
