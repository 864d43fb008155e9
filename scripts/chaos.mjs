#!/usr/bin/env node
// Long chaos runs: e2e/chaos.spec.ts once per seed, through Playwright with the usual config (one
// build, one pair of servers), then one summary line per seed from the reports the spec writes.
//   npm run chaos -- --seeds 10 --minutes 2 [--first-seed 1]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DEFAULTS = { seeds: 3, minutes: 2, firstSeed: 1 };

function parseArgs(argv) {
  const opts = { ...DEFAULTS };
  const names = { '--seeds': 'seeds', '--minutes': 'minutes', '--first-seed': 'firstSeed' };
  for (let i = 0; i < argv.length; i++) {
    const name = names[argv[i]];
    const value = Number(argv[i + 1]);
    if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('Usage: npm run chaos -- [--seeds N] [--minutes M] [--first-seed S]');
      process.exit(0);
    }
    if (!name || !Number.isFinite(value) || value <= 0) {
      console.error(
        `chaos: unknown or invalid option ${argv[i]} ${argv[i + 1] ?? ''}. Usage: npm run chaos -- --seeds 10 --minutes 2`,
      );
      process.exit(2);
    }
    opts[name] = value;
    i++;
  }
  if (!Number.isInteger(opts.seeds) || !Number.isInteger(opts.firstSeed)) {
    console.error('chaos: --seeds and --first-seed must be whole numbers.');
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'chaos-'));
const reportFile = join(dir, 'reports.jsonl');
console.log(`chaos: ${opts.seeds} seed(s) from ${opts.firstSeed}, ${opts.minutes} min of writes each`);

const run = spawnSync(
  'npx',
  ['playwright', 'test', 'e2e/chaos.spec.ts', '--repeat-each', String(opts.seeds), '--reporter=line'],
  {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      CHAOS_SEED: String(opts.firstSeed),
      CHAOS_MINUTES: String(opts.minutes),
      CHAOS_REPORT_FILE: reportFile,
    },
  },
);

const reports = existsSync(reportFile)
  ? readFileSync(reportFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

console.log('\nchaos summary (one line per seed):');
for (const r of reports) {
  const faults = Object.entries(r.faults)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ');
  const verdict = r.mismatches.length === 0 && r.uncaughtErrors.length === 0 ? 'ok  ' : 'FAIL';
  console.log(
    `${verdict} seed=${r.seed} writes=${r.writes.writes} events=${r.events.broadcast} frames=${r.events.frames} ${faults} ` +
      `reconnects=${r.reconnects.client} resyncs=${r.resyncs} settle=${r.settleMs}ms mismatches=${r.mismatches.length} ` +
      `uncaught=${r.uncaughtErrors.length} known-gap=${r.liveOnly.knownGap.length}`,
  );
}
const failed =
  reports.filter((r) => r.mismatches.length > 0 || r.uncaughtErrors.length > 0).length +
  Math.max(0, opts.seeds - reports.length);
console.log(`chaos: ${opts.seeds - failed} passed, ${failed} failed`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
