import { epochSeconds } from '../../domain/clock';
import { db } from '../service';
import type { TOKEN_PURPOSES } from '../entities/one-time-token.entity';

export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];
export type TokenRow = { tokenHash: string; purpose: TokenPurpose; userId: string; expiresAt: number };

export const oneTimeTokenRepository = {
  createOperation(tokenHash: string, purpose: TokenPurpose, userId: string, ttlSeconds: number) {
    return db().entities.oneTimeToken.create({ tokenHash, purpose, userId, expiresAt: epochSeconds() + ttlSeconds }).params();
  },

  async get(tokenHash: string): Promise<TokenRow | undefined> {
    const { data } = await db().entities.oneTimeToken.get({ tokenHash }).go();
    return (data as TokenRow | null) ?? undefined;
  },

  /** Deleting on condition that it still exists and is unexpired: the token is used exactly once. */
  consumeOperation(tokenHash: string) {
    const now = epochSeconds();
    return db()
      .entities.oneTimeToken.delete({ tokenHash })
      .where((attr, { gt }) => gt(attr.expiresAt, now))
      .params();
  },
};
