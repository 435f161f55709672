import { epochSeconds } from '../../../platform/clock';
import type { TOKEN_PURPOSES } from './one-time-token.entity';
import { OneTimeTokenEntity } from './one-time-token.entity';

export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];
export type TokenRow = { tokenHash: string; purpose: TokenPurpose; userId: string; expiresAt: number };

export const oneTimeTokenRepository = {
  createOperation(tokenHash: string, purpose: TokenPurpose, userId: string, ttlSeconds: number) {
    return OneTimeTokenEntity().create({ tokenHash, purpose, userId, expiresAt: epochSeconds() + ttlSeconds }).params();
  },

  async get(tokenHash: string): Promise<TokenRow | undefined> {
    const { data } = await OneTimeTokenEntity().get({ tokenHash }).go();
    return (data as TokenRow | null) ?? undefined;
  },

  /** Deleting on condition that it still exists and is unexpired: the token is used exactly once. */
  consumeOperation(tokenHash: string) {
    const now = epochSeconds();
    return OneTimeTokenEntity().delete({ tokenHash })
      .where((attr, { gt }) => gt(attr.expiresAt, now))
      .params();
  },
};
