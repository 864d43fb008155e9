import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { acceptedSince, backend, login, type Session } from './support/chaos-backend';
import { runDriver } from './support/chaos-driver';
import { installReactProbe, readClientStats, readDiagnostics } from './support/chaos-probe';
import { LogTally, recordReport, summaryLine, totals, type ChaosReport, type PageReport } from './support/chaos-report';
import { diffScreen, readScreen, readTruth, tenantIds, type ScreenKind } from './support/chaos-screens';
import { expect, expectLive, test } from './support/security-watch';

/**
 * Chaos convergence (DESIGN.md promises 4, 7, 8, 9): three acme screens in two browser contexts and one
 * globex screen stay open while mock-ws drops, duplicates, reorders and corrupts events, cuts sockets
 * and slows REST, and a driver makes random writes. Then chaos stops and every socket is cut once more
 * (events dropped since a page's last reconnect can only come back through the resync that follows a
 * reconnect, promise 8); within 5 s of the last reconnect every screen must equal a fresh REST read.
 * A second, fault-free round of writes then checks the live path alone, without any reconnect (within
 * 10 s: it looks for lasting divergence, such as a gap in the event map, not for speed).
 *
 * CHAOS_SEED picks the (first) seed, and each `--repeat-each` run takes the next one; CHAOS_MINUTES > 0
 * makes it a long run (`npm run chaos -- --seeds 10 --minutes 2`).
 */
const FIRST_SEED = Number(process.env.CHAOS_SEED ?? 20261127);
const MINUTES = Number(process.env.CHAOS_MINUTES ?? 0);
const CHAOS = {
  drop_rate: 0.05,
  duplicate_rate: 0.05,
  reorder_rate: 0.05,
  malformed_rate: 0.02,
  disconnect_every_ms: 10_000,
  rest_delay_max_ms: 2_000,
} as const;
const RUN =
  MINUTES > 0 ? { writes: Math.round(300 * MINUTES), maxMs: MINUTES * 60_000 } : { writes: 200, maxMs: 25_000 };
/** After the last reconnect, every screen equals REST within this (issue 8). */
const SETTLE_MS = 5_000;
const LIVE_ONLY_WRITES = 30;
/** The fault-free round looks for lasting divergence, not speed: a looser bound for a loaded machine. */
const LIVE_ONLY_SETTLE_MS = 10_000;
type Screen = { label: string; page: Page; kind: ScreenKind; goalId?: string; session: Session; foreign: Set<string> };

/**
 * Polls every screen until it equals REST (but for `known` gaps), or the deadline passes. Answers
 * what still differs, and for how long each difference was seen, to tell slow from stuck.
 */
async function converge(screens: Screen[], deadline: number) {
  const start = Date.now();
  const truths = await Promise.all(screens.map((s) => readTruth(s.session, s.kind, s.goalId)));
  const seen: Record<string, { firstMs: number; lastMs: number }> = {};
  for (;;) {
    // A round that starts before the deadline and finds every screen right counts as in time; once
    // the deadline has passed, what the last round found is the answer.
    const round = Date.now();
    const shown = await Promise.all(screens.map((screen) => readScreen(screen.page, screen.kind, screen.goalId)));
    const mismatches = screens.flatMap((screen, i) => diffScreen(screen.label, shown[i]!, truths[i]!, screen.foreign));
    for (const m of mismatches) (seen[m] ??= { firstMs: round - start, lastMs: 0 }).lastMs = round - start;
    if (mismatches.length === 0 || Date.now() > deadline) return { mismatches, at: round, seen };
    await new Promise((resolve) => setTimeout(resolve, Math.min(200, deadline - Date.now())));
  }
}

/** Every screen live again on a socket opened at or after `since`; answers when the last one opened. */
async function allLive(screens: Screen[], since: number): Promise<number> {
  await expect
    .poll(async () => (await acceptedSince(since)).length, {
      message: `${screens.length} sockets opened again`,
      timeout: 20_000,
    })
    .toBeGreaterThanOrEqual(screens.length);
  for (const screen of screens) await expectLive(screen.page, 20_000);
  await expect
    .poll(async () => (await backend.connections()).open.length, {
      message: `${screens.length} sockets open`,
      timeout: 20_000,
    })
    .toBe(screens.length);
  return Math.max(since, ...(await acceptedSince(since)));
}

test('under seeded chaos, every screen converges to what REST says, and no tenant sees the other', async ({
  openAs,
  watch,
  control,
}, testInfo) => {
  test.setTimeout(RUN.maxMs + 90_000);
  const SEED = FIRST_SEED + testInfo.repeatEachIndex;
  // The app warns once per lost connection (URL redacted); chaos cuts sockets on purpose.
  watch.allow(
    /^\[warning\] Realtime: connection to ws:\/\/127\.0\.0\.1:\d+\/realtime lost \(code 1006\); retrying in \d+ s\.$/,
  );
  const started = Date.now();
  const [driverAcme, driverGlobex, ava, dana] = await Promise.all([
    login('cho@acme.test'),
    login('eli@globex.test'),
    login('ava@acme.test'),
    login('dana@globex.test'),
  ]);
  for (const s of [driverAcme, driverGlobex, ava, dana])
    [s.accessToken, s.refreshToken].forEach((t) => watch.secrets.add(t));

  const screens: Screen[] =
    await test.step('open three acme screens in two contexts and one globex screen', async () => {
      const goals = await openAs('ava@acme.test', '/goals', { initScript: installReactProbe });
      const goal = await openAs('ava@acme.test', '/goals/g-2', { context: goals.context() });
      const actions = await openAs('ben@acme.test', '/actions', { initScript: installReactProbe });
      const globex = await openAs('dana@globex.test', '/actions', { initScript: installReactProbe });
      const [acmeIds, globexIds] = await Promise.all([tenantIds(ava), tenantIds(dana)]);
      const list: Screen[] = [
        { label: 'ava /goals', page: goals, kind: 'goals', session: ava, foreign: globexIds },
        { label: 'ava /goals/g-2', page: goal, kind: 'goal', goalId: 'g-2', session: ava, foreign: globexIds },
        { label: 'ben /actions', page: actions, kind: 'actions', session: ava, foreign: globexIds },
        { label: 'dana /actions (globex)', page: globex, kind: 'actions', session: dana, foreign: acmeIds },
      ];
      await allLive(list, started);
      return list;
    });

  const tally = new LogTally(watch.startSeq);
  tally.start();
  let faults: Record<string, number> | undefined;
  const writes = await test.step(`chaos on (seed ${SEED}) while the driver writes`, async () => {
    await control.chaos({ ...CHAOS, seed: SEED });
    const result = await runDriver({ seed: SEED, sessions: [driverAcme, driverGlobex], ...RUN });
    faults = (await control.chaosStatus()).counts;
    await control.chaos({});
    return result;
  });
  expect(writes.ok, 'most driver writes succeed').toBeGreaterThan(writes.writes * 0.8);

  const first = await test.step('chaos off, every socket cut once more, then the screens settle', async () => {
    const dropAt = Date.now();
    await control.drop();
    const lastReconnect = await allLive(screens, dropAt);
    const result = await converge(screens, lastReconnect + SETTLE_MS);
    return { ...result, settleMs: result.at - lastReconnect };
  });

  const handshakesBefore = (await control.connections()).handshakes.length;
  const second = await test.step('fault-free writes: the live path alone converges, without a reconnect', async () => {
    const result = await runDriver({
      seed: SEED + 1,
      sessions: [driverAcme, driverGlobex],
      writes: LIVE_ONLY_WRITES,
      concurrency: 3,
      paced: false,
    });
    const doneAt = Date.now();
    const converged = await converge(screens, doneAt + LIVE_ONLY_SETTLE_MS);
    return { writes: result.writes, ...converged, settleMs: converged.at - doneAt };
  });
  const liveOnlyReconnects = (await control.connections()).handshakes.length - handshakesBefore;
  await tally.stop();

  const pages: PageReport[] = [];
  for (const screen of screens) pages.push({ page: screen.label, ...((await readClientStats(screen.page)) ?? {}) });
  const sums = totals(pages);
  const report: ChaosReport = {
    seed: SEED,
    durationMs: Date.now() - started,
    writes,
    events: { broadcast: tally.eventIds.size, frames: tally.eventFrames, byChaos: tally.byChaos },
    faults: faults!,
    reconnects: { client: sums.reconnects, serverHandshakes: tally.handshakesAccepted - screens.length },
    resyncs: sums.resyncs,
    rejectedByClients: sums.rejected,
    duplicatesIgnored: sums.duplicate,
    staleIgnored: sums.stale,
    settleMs: first.settleMs,
    liveOnly: {
      writes: second.writes,
      settleMs: second.settleMs,
      reconnects: liveOnlyReconnects,
    },
    mismatches: [...first.mismatches, ...second.mismatches.map((m) => `after fault-free writes: ${m}`)],
    uncaughtErrors: watch.pageErrors(),
    consoleErrors: watch.console().filter((l) => l.type === 'error').length,
    pages,
  };
  console.log(summaryLine(report));
  const keep = async (name: string, value: unknown) => {
    const path = testInfo.outputPath(name);
    writeFileSync(path, JSON.stringify(value, null, 1));
    await testInfo.attach(name, { path, contentType: 'application/json' });
  };
  await keep('chaos-report.json', report);
  await keep('transient-mismatches.json', { chaos: first.seen, liveOnly: second.seen });
  for (const screen of screens) {
    if (!report.mismatches.some((m) => m.includes(screen.label))) continue;
    await keep(`diagnostics-${screen.label.replace(/\W+/g, '-')}.json`, await readDiagnostics(screen.page));
  }
  recordReport(report);

  expect(first.mismatches, 'after chaos and one resync, every screen equals REST').toEqual([]);
  expect(second.mismatches, 'after fault-free writes, every screen equals REST without a reconnect').toEqual([]);
  expect(liveOnlyReconnects, 'no reconnect during the fault-free round').toBe(0);
  expect(report.uncaughtErrors).toEqual([]);
  expect(
    (faults!.dropped ?? 0) + (faults!.duplicated ?? 0) + (faults!.reordered ?? 0) + (faults!.malformed ?? 0),
    'chaos injected faults',
  ).toBeGreaterThan(0);
  for (const page of pages) {
    if (page.reconnects === undefined) continue;
    // Promise 8: every reconnect (the final cut included) was followed by a resync.
    expect(page.resyncs, `${page.page}: one resync per reconnect`).toBe(page.reconnects);
    expect(page.reconnects, `${page.page}: reconnected after the final cut`).toBeGreaterThan(0);
  }
});
