import { QUICK, SUITE_DEFAULTS, type SuiteOptions } from './suite';

export type CliArgs = { json: boolean; help: boolean; options: Partial<SuiteOptions> };

export const USAGE = `usage: npm run bench:core -- [--quick] [--json] [--q N] [--events N] [--active N] [--window time|N] [--naive-budget-ms N]
  --quick             a smaller run (${QUICK.events?.toLocaleString('en-US')} frames, shorter naive budget), under 30 s
  --json              also print one JSON object with the figures on the last line
  --q N               cached queries in the main run (default ${SUITE_DEFAULTS.q})
  --events N          frames in the stream (default ${SUITE_DEFAULTS.events})
  --active N          active observers (default ${SUITE_DEFAULTS.active})
  --window time|N     time: the bridge's own 16/50 ms timers on the wall clock (default);
                      N: a window closes every N events (the table also shows ${SUITE_DEFAULTS.fixedWindow} per window)
  --naive-budget-ms N time the naive handler may run per cache size (default ${SUITE_DEFAULTS.naiveBudgetMs})
  --scaling Q1,Q2,..  cache sizes of the scaling runs (default ${SUITE_DEFAULTS.scalingQ.join(',')})`;

type NumericOption = 'q' | 'events' | 'active' | 'naiveBudgetMs';
const NUMERIC: Record<string, NumericOption> = {
  '--q': 'q',
  '--events': 'events',
  '--active': 'active',
  '--naive-budget-ms': 'naiveBudgetMs',
};

/** Parse the command line; throws a message that says what was wrong and how to call it. */
export function parseArgs(argv: readonly string[]): CliArgs {
  const out: CliArgs = { json: false, help: false, options: {} };
  let quick = false;
  let scalingQ: number[] | undefined;
  const numbers: Partial<Pick<SuiteOptions, NumericOption>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    if (name === '--quick') quick = true;
    else if (name === '--json') out.json = true;
    else if (name === '--help' || name === '-h') out.help = true;
    else if (name === '--window') {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      if (raw === 'time') out.options.window = 'time';
      else if (raw !== undefined && Number.isInteger(value) && value > 0) out.options.window = value;
      else
        throw new Error(
          `--window needs "time" or a positive whole number of events, got ${raw === undefined ? 'nothing' : `"${raw}"`}.\n${USAGE}`,
        );
    } else if (name === '--scaling') {
      const raw = inline ?? argv[++i] ?? '';
      scalingQ = raw.split(',').map(Number);
      if (scalingQ.length === 0 || scalingQ.some((q) => !Number.isInteger(q) || q <= 0)) {
        throw new Error(
          `--scaling needs cache sizes separated by commas, e.g. 1000,10000,50000; got "${raw}".\n${USAGE}`,
        );
      }
    } else if (Object.hasOwn(NUMERIC, name)) {
      const raw = inline ?? argv[++i];
      const value = Number(raw);
      if (raw === undefined || !Number.isInteger(value) || value <= 0) {
        throw new Error(
          `${name} needs a positive whole number, got ${raw === undefined ? 'nothing' : `"${raw}"`}.\n${USAGE}`,
        );
      }
      numbers[NUMERIC[name]!] = value;
    } else {
      throw new Error(`Unknown option "${arg}".\n${USAGE}`);
    }
  }
  out.options = { ...(quick ? QUICK : {}), ...out.options, ...numbers, ...(scalingQ ? { scalingQ } : {}) };
  return out;
}
