import { SERVER_DEFAULTS } from './servers';

export type Mix = 'progress' | 'mixed';

export type BrowserBenchOptions = {
  rates: number[];
  durationMs: number;
  mixes: Mix[];
  seed: number;
  /** Longest wait after a stream for every screen to show what REST says. */
  settleMaxMs: number;
  /** A short unmeasured stream first, so the first rate does not pay for cold code. */
  warmupMs: number;
  mockPort: number;
  appPort: number;
  distDir: string;
  rebuild: boolean;
  headed: boolean;
  /** Sample a CPU profile of each screen per rate (adds a little overhead to the figures). */
  profile: boolean;
};

export const BENCH_DEFAULTS: BrowserBenchOptions = {
  rates: [100, 500, 2_000],
  durationMs: 5_000,
  mixes: ['progress', 'mixed'],
  seed: 20_261_127,
  settleMaxMs: 10_000,
  warmupMs: 1_000,
  mockPort: SERVER_DEFAULTS.mockPort,
  appPort: SERVER_DEFAULTS.appPort,
  distDir: SERVER_DEFAULTS.distDir,
  rebuild: false,
  headed: false,
  profile: false,
};

export const QUICK: Partial<BrowserBenchOptions> = { durationMs: 2_000, warmupMs: 500, settleMaxMs: 5_000 };

export type CliArgs = { json: boolean; help: boolean; options: BrowserBenchOptions };

export const USAGE = `usage: npm run bench:browser -- [--quick] [--json] [--rates 100,500,2000] [--duration-ms N] [--mix progress|mixed|both]
  --quick            ${QUICK.durationMs! / 1_000} s per rate instead of ${BENCH_DEFAULTS.durationMs / 1_000} s
  --json             also print one JSON object with the figures on the last line
  --rates R1,R2,..   events per second (default ${BENCH_DEFAULTS.rates.join(',')})
  --duration-ms N    how long each rate streams (default ${BENCH_DEFAULTS.durationMs})
  --mix M            progress (only action.progress_updated), mixed (plus other event types) or both (default)
  --seed N           seed of the stream's choices (default ${BENCH_DEFAULTS.seed})
  --mock-port N      mock-ws port (default ${BENCH_DEFAULTS.mockPort}; another port rebuilds the app)
  --app-port N       next start port (default ${BENCH_DEFAULTS.appPort})
  --dist-dir DIR     Next build folder (default ${BENCH_DEFAULTS.distDir})
  --rebuild          build the app even when the build looks current
  --profile          also sample a CPU profile per screen and rate: JS time by chunk (bridge, TanStack Query, React DOM, ...)
  --headed           show the browser window (needs a display)`;

const INTEGER: Record<string, 'durationMs' | 'seed' | 'mockPort' | 'appPort'> = {
  '--duration-ms': 'durationMs',
  '--seed': 'seed',
  '--mock-port': 'mockPort',
  '--app-port': 'appPort',
};
const LIMITS = {
  durationMs: [100, 600_000],
  seed: [0, 2 ** 32 - 1],
  mockPort: [1, 65_535],
  appPort: [1, 65_535],
} as const;

/** Parse the command line; throws a message that says what was wrong and how to call it. */
export function parseArgs(argv: readonly string[]): CliArgs {
  let json = false;
  let help = false;
  let quick = false;
  const set: Partial<BrowserBenchOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const raw = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (raw === undefined) throw new Error(`${name} needs a value.\n${USAGE}`);
      return raw;
    };
    if (name === '--json') json = true;
    else if (name === '--help' || name === '-h') help = true;
    else if (name === '--quick') quick = true;
    else if (name === '--rebuild') set.rebuild = true;
    else if (name === '--headed') set.headed = true;
    else if (name === '--profile') set.profile = true;
    else if (name === '--dist-dir') set.distDir = value();
    else if (name === '--rates') {
      const raw = value();
      const rates = raw.split(',').map(Number);
      if (rates.some((r) => !Number.isFinite(r) || r <= 0 || r > 10_000)) {
        throw new Error(
          `--rates needs events per second from 1 to 10000 separated by commas, e.g. 100,500,2000; got "${raw}".\n${USAGE}`,
        );
      }
      set.rates = rates;
    } else if (name === '--mix') {
      const raw = value();
      if (raw !== 'progress' && raw !== 'mixed' && raw !== 'both')
        throw new Error(`--mix must be progress, mixed or both; got "${raw}".\n${USAGE}`);
      set.mixes = raw === 'both' ? ['progress', 'mixed'] : [raw];
    } else if (Object.hasOwn(INTEGER, name)) {
      const key = INTEGER[name]!;
      const raw = value();
      const n = Number(raw);
      const [min, max] = LIMITS[key];
      if (!Number.isInteger(n) || n < min || n > max)
        throw new Error(`${name} needs a whole number from ${min} to ${max}; got "${raw}".\n${USAGE}`);
      set[key] = n;
    } else {
      throw new Error(`Unknown option "${arg}".\n${USAGE}`);
    }
  }
  return { json, help, options: { ...BENCH_DEFAULTS, ...(quick ? QUICK : {}), ...set } };
}
