import { Entity } from 'electrodb';
import { lazyEntity } from '../../../platform/db/lazy-entity';

/**
 * One voter's "was this helpful?" answer on an article: a signed-in user (`user:<userId>`) or a
 * signed-out visitor by its signed cookie (`visitor:<visitorId>`). Written in the same
 * transaction as the counts it moves, so voting again changes the answer instead of adding one.
 */
export const KbVoteEntity = lazyEntity(() =>
  new Entity({
    model: { entity: 'kbVote', version: '1', service: 'relasi' },
    attributes: {
      articleId: { type: 'string', required: true, readOnly: true },
      voter: { type: 'string', required: true, readOnly: true },
      helpful: { type: 'boolean', required: true },
      votedAt: { type: 'string', required: true },
    },
    indexes: {
      byVoter: {
        pk: { field: 'pk', composite: ['articleId', 'voter'] },
        sk: { field: 'sk', composite: [] },
      },
    },
  }),
);
