/** Entry point of `npm run bench:browser`; see bench/README.md ("In the browser"). */
import { parseArgs, USAGE } from './args';
import { formatTable, toJson } from './report';
import { runBrowserBench } from './run';

export type Output = { out: (line: string) => void; err: (line: string) => void };

const console_: Output = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Prints the table, and with --json the figures as the last line. Returns the exit code; timing never fails it. */
export async function main(argv: readonly string[], io: Output = console_, run = runBrowserBench): Promise<number> {
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
  const started = performance.now();
  try {
    const result = await run(args.options, (line) => io.err(`… ${line}`));
    io.out(formatTable(result));
    io.out(`(ran in ${((performance.now() - started) / 1_000).toFixed(1)} s)`);
    if (args.json) io.out(JSON.stringify(toJson(result)));
    return 0;
  } catch (error) {
    io.err(`bench:browser could not finish: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  process.exitCode = await main(process.argv.slice(2));
}
