import { median, timed } from './stats';

export type Probe = { name: string; run: () => Promise<unknown> };

/**
 * Runs the probes round-robin, one request at a time, rotating which goes first each round,
 * so load that comes and goes on the machine hits all of them alike. Returns each probe's p50
 * in ms over the rounds after the warm-up.
 */
export async function interleavedP50(probes: readonly Probe[], warmUpRounds: number, rounds: number): Promise<Record<string, number>> {
  const samples = new Map(probes.map((p) => [p.name, [] as number[]]));
  for (let round = 0; round < warmUpRounds + rounds; round++) {
    for (let i = 0; i < probes.length; i++) {
      const probe = probes[(round + i) % probes.length]!;
      const ms = await timed(probe.run);
      if (round >= warmUpRounds) samples.get(probe.name)!.push(ms);
    }
  }
  return Object.fromEntries([...samples].map(([name, values]) => [name, median(values)]));
}
