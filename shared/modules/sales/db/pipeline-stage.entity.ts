import { CustomAttributeType, Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import type { Stage } from '../domain/pipeline';

/**
 * The pipeline definition: the ordered stages as one item, so replacing the list is one
 * conditional write and reading the board costs one GetItem.
 */
export const PipelineStagesEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'pipelineStages', version: '1', service: 'relasi' },
    attributes: {
      /** The stages in order, validated by the stage schema before they are stored. */
      stages: { type: CustomAttributeType<Stage[]>('any'), required: true },
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
