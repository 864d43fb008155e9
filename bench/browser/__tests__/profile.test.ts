import { describe, expect, it } from 'vitest';
import { summarizeProfile, type CpuProfile } from '../profile';

const APP = 'http://127.0.0.1:3160';
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: { url: '', functionName: '(root)' } },
    { id: 2, callFrame: { url: '', functionName: '(idle)' } },
    { id: 3, callFrame: { url: `${APP}/_next/static/chunks/bridge.js`, functionName: 'a' } },
    { id: 4, callFrame: { url: `${APP}/_next/static/chunks/bridge.js`, functionName: 'readEntity' } },
    { id: 5, callFrame: { url: `${APP}/_next/static/chunks/other.js`, functionName: 'c' } },
    { id: 6, callFrame: { url: '', functionName: '(garbage collector)' } },
    { id: 7, callFrame: { url: '', functionName: 'JSON.parse' } },
  ],
  // Each sample lasts until the next one: the deltas after it.
  samples: [2, 3, 4, 5, 6, 7, 2],
  timeDeltas: [0, 4_000, 1_000, 1_000, 2_000, 1_000, 1_000],
};

describe('summarizeProfile', () => {
  it('sums self time by labelled chunk, file or V8 bucket, leaving idle out of the shares', () => {
    const s = summarizeProfile(
      profile,
      new Map([['/_next/static/chunks/bridge.js', { label: 'realtime bridge', text: 'function longName(){}' }]]),
    );
    expect(s.totalMs).toBe(10);
    expect(s.busyMs).toBe(6);
    expect(s.top).toEqual([
      { what: 'realtime bridge', ms: 2, share: 2 / 6 },
      { what: 'other.js', ms: 2, share: 2 / 6 },
      { what: '(garbage collector)', ms: 1, share: 1 / 6 },
      { what: '(native)', ms: 1, share: 1 / 6 },
    ]);
    expect(s.functions.slice(0, 3)).toEqual([
      { what: 'other.js: c at 0:0', ms: 2, share: 2 / 6 },
      { what: 'realtime bridge: a `function longName(){}…`', ms: 1, share: 1 / 6 },
      { what: 'realtime bridge: readEntity', ms: 1, share: 1 / 6 },
    ]);
    expect(summarizeProfile(profile, new Map(), 1).top).toEqual([{ what: 'bridge.js', ms: 2, share: 2 / 6 }]);
  });

  it('copes with an empty profile', () => {
    expect(summarizeProfile({ nodes: [], startTime: 0, endTime: 0 })).toEqual({
      totalMs: 0,
      busyMs: 0,
      top: [],
      functions: [],
    });
  });
});
