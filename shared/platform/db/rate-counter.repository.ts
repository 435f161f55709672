import { epochSeconds } from '../clock';
import { RateCounterEntity } from './rate-counter.entity';

/** Keep at most this many hits per subject; older ones are dropped when the list is rewritten. */
const MAX_HITS = 200;

export const rateCounterRepository = {
  /** How many hits the subject had in the last `windowSeconds`. */
  async recent(subject: string, windowSeconds: number): Promise<number> {
    const { data } = await RateCounterEntity().get({ subject }).go();
    const since = epochSeconds() - windowSeconds;
    return (data?.hits ?? []).filter((at) => at > since).length;
  },

  /** Record a hit; the item expires one window after the last hit. */
  async hit(subject: string, windowSeconds: number): Promise<void> {
    const now = epochSeconds();
    const { data } = await RateCounterEntity().update({ subject })
      .append({ hits: [now] })
      .set({ expiresAt: now + windowSeconds })
      .go({ response: 'all_new' });
    const hits = data.hits ?? [];
    if (hits.length > MAX_HITS) {
      await RateCounterEntity().patch({ subject }).set({ hits: hits.filter((at) => at > now - windowSeconds).slice(-MAX_HITS) }).go();
    }
  },

  async clear(subject: string): Promise<void> {
    await RateCounterEntity().delete({ subject }).go();
  },
};
