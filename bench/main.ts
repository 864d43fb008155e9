import { parseArgs, USAGE } from './args';
import { busyFlushWindowMs, createBridge, flushWindowMs, invalidationsOf, patchWindowMs } from './bridge-adapter';
import { formatTable, toJson } from './report';
import { runSuite, type SuiteOptions } from './suite';
import { notifyInMicrotasks } from './windows';

export type Output = { out: (line: string) => void; err: (line: string) => void };

const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** `npm run bench:core -- [options]`: prints the table, and with --json the figures as the last line. Returns the exit code. */
export async function main(
  argv: readonly string[],
  io: Output = console_,
  extra: Partial<SuiteOptions> = {},
): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (error) {
    io.err((error as Error).message);
    return 2;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  if (process.env.NODE_ENV !== 'production') {
    io.err(
      'note: NODE_ENV is not "production"; TanStack Query runs its development checks. npm run bench:core sets it.',
    );
  }
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') {
    io.err('note: heap growth needs a full GC: run node with --expose-gc (npm run bench:core does).');
  }
  notifyInMicrotasks();
  const started = performance.now();
  const result = await runSuite(
    { ...args.options, ...extra },
    {
      createBridge,
      flushWindowMs,
      patchWindowMs,
      busyFlushWindowMs,
      invalidationsOf,
      progress: (line) => io.err(`… ${line}`),
    },
  );
  io.out(formatTable(result));
  io.out(`(ran in ${((performance.now() - started) / 1_000).toFixed(1)} s)`);
  if (args.json) io.out(JSON.stringify(toJson(result)));
  return 0;
}
