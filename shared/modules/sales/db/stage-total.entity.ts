import { Entity, type EntityItem } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * Running totals of the open opportunities in one stage and currency. Every create, move,
 * amount change and close adjusts them in the same transaction, so the board never reads
 * a whole column to sum it.
 */
export const StageTotalEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'stageTotal', version: '1', service: 'relasi' },
    attributes: {
      stage: { type: 'string', required: true, readOnly: true },
      currency: { type: 'string', required: true, readOnly: true },
      count: { type: 'number', default: 0 },
      amount: { type: 'number', default: 0 },
      /** Sum of each card's weighted amount (each rounded on its own, so a card's removal takes out exactly what it added). */
      weighted: { type: 'number', default: 0 },
    },
    indexes: {
      byStage: {
        pk: { field: 'pk', composite: [] },
        sk: { field: 'sk', composite: ['stage', 'currency'] },
      },
    },
  }),
);

/** A running total as stored (its sums are absent until first added to). */
export type StageTotalRow = EntityItem<ReturnType<typeof StageTotalEntity>>;
