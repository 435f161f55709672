import type { TokenPurpose } from '../domain/identity';
import { epochSeconds } from '../../../platform/clock';
import { OneTimeTokenEntity, type TokenRow } from './one-time-token.entity';

export const oneTimeTokenRepository = {
  createOperation(tokenHash: string, purpose: TokenPurpose, userId: string, ttlSeconds: number) {
    return OneTimeTokenEntity().create({ tokenHash, purpose, userId, expiresAt: epochSeconds() + ttlSeconds }).params();
  },

  async get(tokenHash: string): Promise<TokenRow | undefined> {
    const { data } = await OneTimeTokenEntity().get({ tokenHash }).go();
    return data ?? undefined;
  },

  /** Deleting on condition that it still exists and is unexpired: the token is used exactly once. */
  consumeOperation(tokenHash: string) {
    const now = epochSeconds();
    return OneTimeTokenEntity().delete({ tokenHash })
      .where((attr, { gt }) => gt(attr.expiresAt, now))
      .params();
  },
};
