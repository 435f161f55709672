import { Entity, type CreateEntityItem, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';
import { STAGE_CHANGE_KINDS } from '../domain/pipeline';

/** One step of an opportunity's stage history, kept in the opportunity's own partition. */
export const StageChangeEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'stageChange', version: '1', service: 'relasi' },
    attributes: {
      opportunityId: { type: 'string', required: true, readOnly: true },
      changeId: { type: 'string', required: true, readOnly: true },
      at: { type: 'string', required: true, readOnly: true },
      kind: { type: STAGE_CHANGE_KINDS, required: true },
      fromStage: { type: 'string' },
      toStage: { type: 'string', required: true },
      probability: { type: 'number' },
      actorId: { type: 'string' },
      reason: { type: 'string' },
    },
    indexes: {
      byOpportunity: {
        pk: { field: 'pk', composite: ['opportunityId'] },
        sk: { field: 'sk', composite: ['at', 'changeId'] },
      },
    },
  }),
);

/** A stage history entry as stored. */
export type StageChangeRow = EntityItem<ReturnType<typeof StageChangeEntity>>;

/** What a new stage history entry is made of. */
export type NewStageChange = CreateEntityItem<ReturnType<typeof StageChangeEntity>>;
