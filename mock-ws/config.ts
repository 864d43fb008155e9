/** Every tunable number of the fake backend, and how options and environment variables map onto them. */

export const DEFAULTS = {
  port: 4010,
  host: '127.0.0.1',
  accessTtlS: 900,
  refreshTtlS: 86_400,
  pingMs: 30_000,
  allowedOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'] as readonly string[],
  maxBodyBytes: 64 * 1024,
  /** Control bodies may carry frames larger than a socket allows, to test the client's limit. */
  maxControlBodyBytes: 1024 * 1024,
  logLimit: 20_000,
  handshakeHistory: 1_000,
  simulateMinMs: 2_000,
  simulateMaxMs: 5_000,
  simulateSeed: 20_261_127,
  /** How long chaos holds a frame back, waiting for a later one to overtake it. */
  reorderWindowMs: 250,
  /** Share of REST responses chaos delays when `rest_delay_max_ms` is set. */
  chaosRestDelayShare: 0.5,
  /** Default chaos seed when a config sets rates but no seed: runs stay reproducible. */
  chaosSeed: 1,
  /** Discard at most this many bytes of an oversized body before hanging up. */
  maxDrainBytes: 4 * 1024 * 1024,
} as const;

export type MockServerOptions = {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** HMAC secret for tokens; random per process when omitted. */
  secret?: string;
  accessTtlS?: number;
  refreshTtlS?: number;
  pingMs?: number;
  allowedOrigins?: readonly string[];
  /** The /__control API; on unless false. */
  control?: boolean;
  /** Background writes by other team members (demo). */
  simulate?: boolean;
  /** Base date of the seed (ISO). Defaults to the start of the current UTC day, fixed for the process. */
  seedDate?: string;
  /** Where concise log lines go (stdout in the CLI). Silent when omitted. */
  print?: (line: string) => void;
  maxBodyBytes?: number;
  logLimit?: number;
  simulateMinMs?: number;
  simulateMaxMs?: number;
  simulateSeed?: number;
  reorderWindowMs?: number;
};

export type ResolvedOptions = {
  port: number;
  host: string;
  secret: string | undefined;
  accessTtlS: number;
  refreshTtlS: number;
  pingMs: number;
  allowedOrigins: readonly string[];
  control: boolean;
  simulate: boolean;
  seedDate: string;
  print: (line: string) => void;
  maxBodyBytes: number;
  logLimit: number;
  simulateMinMs: number;
  simulateMaxMs: number;
  simulateSeed: number;
  reorderWindowMs: number;
};

export function resolveOptions(options: MockServerOptions, now = Date.now()): ResolvedOptions {
  const seedDate = options.seedDate ?? startOfUtcDay(now);
  if (Number.isNaN(Date.parse(seedDate))) {
    throw new Error(`seedDate "${seedDate}" is not a date; use an ISO date such as 2026-11-27T00:00:00.000Z.`);
  }
  return {
    port: options.port ?? DEFAULTS.port,
    host: options.host ?? DEFAULTS.host,
    secret: options.secret,
    accessTtlS: options.accessTtlS ?? DEFAULTS.accessTtlS,
    refreshTtlS: options.refreshTtlS ?? DEFAULTS.refreshTtlS,
    pingMs: options.pingMs ?? DEFAULTS.pingMs,
    allowedOrigins: options.allowedOrigins ?? DEFAULTS.allowedOrigins,
    control: options.control ?? true,
    simulate: options.simulate ?? false,
    seedDate: new Date(seedDate).toISOString(),
    print: options.print ?? (() => {}),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULTS.maxBodyBytes,
    logLimit: options.logLimit ?? DEFAULTS.logLimit,
    simulateMinMs: options.simulateMinMs ?? DEFAULTS.simulateMinMs,
    simulateMaxMs: options.simulateMaxMs ?? DEFAULTS.simulateMaxMs,
    simulateSeed: options.simulateSeed ?? DEFAULTS.simulateSeed,
    reorderWindowMs: options.reorderWindowMs ?? DEFAULTS.reorderWindowMs,
  };
}

function startOfUtcDay(now: number): string {
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  return day.toISOString();
}

type Env = Record<string, string | undefined>;

/** Options from MOCK_WS_* environment variables. Throws a message naming the variable when one is invalid. */
export function optionsFromEnv(env: Env): MockServerOptions {
  const options: MockServerOptions = {};
  const port = int(env, 'MOCK_WS_PORT', 0, 65_535);
  if (port !== undefined) options.port = port;
  const accessTtlS = int(env, 'MOCK_WS_TOKEN_TTL_S', 1, 31_536_000);
  if (accessTtlS !== undefined) options.accessTtlS = accessTtlS;
  const refreshTtlS = int(env, 'MOCK_WS_REFRESH_TTL_S', 1, 31_536_000);
  if (refreshTtlS !== undefined) options.refreshTtlS = refreshTtlS;
  const pingMs = int(env, 'MOCK_WS_PING_MS', 0, 86_400_000);
  if (pingMs !== undefined) options.pingMs = pingMs;
  if (env.MOCK_WS_SECRET) options.secret = env.MOCK_WS_SECRET;
  if (env.MOCK_WS_ALLOWED_ORIGINS !== undefined && env.MOCK_WS_ALLOWED_ORIGINS.trim() !== '') {
    options.allowedOrigins = env.MOCK_WS_ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean);
  }
  if (env.MOCK_WS_CONTROL !== undefined) options.control = env.MOCK_WS_CONTROL.trim() !== '0';
  if (env.MOCK_WS_SIMULATE !== undefined) options.simulate = ['1', 'true', 'yes'].includes(env.MOCK_WS_SIMULATE.trim());
  if (env.MOCK_WS_SEED_DATE) {
    if (Number.isNaN(Date.parse(env.MOCK_WS_SEED_DATE))) {
      throw new Error(`MOCK_WS_SEED_DATE="${env.MOCK_WS_SEED_DATE}" is not a date; use e.g. 2026-11-27T00:00:00.000Z.`);
    }
    options.seedDate = env.MOCK_WS_SEED_DATE;
  }
  const seed = int(env, 'MOCK_WS_SIMULATE_SEED', 0, 2 ** 32 - 1);
  if (seed !== undefined) options.simulateSeed = seed;
  return options;
}

function int(env: Env, name: string, min: number, max: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}="${raw}" is not valid: expected a whole number from ${min} to ${max}.`);
  }
  return value;
}
