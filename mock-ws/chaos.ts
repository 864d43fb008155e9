import { createRandom, type Random } from './prng';

/**
 * Seeded fault injection for QA: per delivered event, drop it, send it twice, hold it back until a later
 * one has gone out, or replace it with a malformed frame; terminate a random socket every so often; and
 * delay some REST responses. The same seed and traffic give the same faults.
 */
export type ChaosConfig = {
  drop_rate: number;
  duplicate_rate: number;
  reorder_rate: number;
  malformed_rate: number;
  disconnect_every_ms: number;
  rest_delay_max_ms: number;
  seed: number;
};
export type ChaosCounts = {
  dropped: number;
  duplicated: number;
  reordered: number;
  malformed: number;
  disconnected: number;
  rest_delayed: number;
};
export type Fault = 'deliver' | 'drop' | 'duplicate' | 'reorder' | 'malformed';

export type Chaos = {
  configure(config: ChaosConfig | null): void;
  readonly config: ChaosConfig | null;
  readonly counts: ChaosCounts;
  readonly random: Random;
  /** What to do with the next delivery of an event to one socket. */
  decide(): Fault;
  /** A broken stand-in for an event frame, of a randomly chosen kind. */
  malformed(frameText: string): string;
  /** Extra delay for one REST response, 0 for most. */
  restDelay(): number;
  record(kind: keyof ChaosCounts): void;
  resetCounts(): void;
  stop(): void;
};

const zeroCounts = (): ChaosCounts => ({
  dropped: 0,
  duplicated: 0,
  reordered: 0,
  malformed: 0,
  disconnected: 0,
  rest_delayed: 0,
});

export function createChaos(opts: { restDelayShare: number; onDisconnectTick: () => void }): Chaos {
  let config: ChaosConfig | null = null;
  let random = createRandom(1);
  let counts = zeroCounts();
  let timer: NodeJS.Timeout | undefined;

  const stopTimer = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
  };

  return {
    configure(next) {
      stopTimer();
      config = next;
      if (!next) return;
      random = createRandom(next.seed);
      if (next.disconnect_every_ms > 0) timer = setInterval(opts.onDisconnectTick, next.disconnect_every_ms);
    },
    get config() {
      return config;
    },
    get counts() {
      return { ...counts };
    },
    get random() {
      return random;
    },
    decide() {
      if (!config) return 'deliver';
      const roll = random.next();
      let edge = config.drop_rate;
      if (roll < edge) return 'drop';
      edge += config.duplicate_rate;
      if (roll < edge) return 'duplicate';
      edge += config.reorder_rate;
      if (roll < edge) return 'reorder';
      edge += config.malformed_rate;
      if (roll < edge) return 'malformed';
      return 'deliver';
    },
    malformed(frameText) {
      const frame = JSON.parse(frameText) as { type: string; timestamp: string; id?: string };
      const kinds = [
        () => frameText.slice(0, Math.max(1, Math.floor(frameText.length / 2))),
        () => JSON.stringify({ type: 'chaos.unknown_event', timestamp: frame.timestamp, id: frame.id, data: {} }),
        () =>
          JSON.stringify({ type: frame.type, timestamp: frame.timestamp, id: frame.id, data: { unexpected: true } }),
        () =>
          `{"type":${JSON.stringify(frame.type)},"timestamp":${JSON.stringify(frame.timestamp)},"data":{"__proto__":{"polluted":true}}}`,
      ];
      return random.pick(kinds)();
    },
    restDelay() {
      if (!config || config.rest_delay_max_ms <= 0 || !random.chance(opts.restDelayShare)) return 0;
      counts.rest_delayed += 1;
      return random.int(1, config.rest_delay_max_ms);
    },
    record(kind) {
      counts[kind] += 1;
    },
    resetCounts() {
      counts = zeroCounts();
    },
    stop: stopTimer,
  };
}
