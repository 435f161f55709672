import { epochSeconds } from '../clock';
import { IdempotencyRecordEntity, type IdempotencyRow } from './idempotency-record.entity';

const DAY = 24 * 60 * 60;

export const idempotencyRepository = {
  /** Claim the key; false when it is already claimed (by this request before, or another). */
  async claim(scope: string, key: string, requestHash: string): Promise<boolean> {
    const { rejected } = await IdempotencyRecordEntity().create({ scope, key, requestHash, state: 'pending', expiresAt: epochSeconds() + DAY })
      .go({ returnOnConditionCheckFailure: true });
    return !rejected;
  },

  async get(scope: string, key: string): Promise<IdempotencyRow | undefined> {
    const { data } = await IdempotencyRecordEntity().get({ scope, key }).go({ consistent: true });
    return data ?? undefined;
  },

  async complete(scope: string, key: string, status: number, body: string): Promise<void> {
    await IdempotencyRecordEntity().patch({ scope, key }).set({ state: 'done', status, body }).go();
  },

  /** Forget a claim whose request failed on our side, so the client may retry. */
  async release(scope: string, key: string): Promise<void> {
    await IdempotencyRecordEntity().delete({ scope, key }).go();
  },
};
