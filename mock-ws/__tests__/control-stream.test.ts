import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WireFrame } from '../../lib/protocol';
import { createClock } from '../clock';
import { createStreamer } from '../control-stream';
import type { MockServer } from '../mock-server';
import { createStore } from '../store';
import { api, connect, control, expectValidFrames, login, SEED_DATE, startServer, type Frame } from './helpers';

describe('POST /__control/stream (real server, real socket)', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startServer();
  });
  beforeEach(async () => {
    await control(server, 'reset', {});
  });
  afterAll(() => server.close());

  const untilDone = async () => {
    for (let i = 0; i < 200; i++) {
      const status = await control(server, 'stream');
      if (!status.body.running) return status.body;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the stream did not finish');
  };

  it('sends rate × duration valid progress events with rising updated_at, and REST shows the last value', async () => {
    const { access_token } = await login(server);
    const socket = await connect(server, access_token);
    const started = await control(server, 'stream', {
      tenant: 'acme',
      rate: 400,
      duration_ms: 250,
      mix: 'progress',
      seed: 7,
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ running: true, planned: 100, mix: 'progress', tenant: 'acme' });

    const done = await untilDone();
    expect(done).toMatchObject({
      running: false,
      events: 100,
      by_type: { 'action.progress_updated': 100 },
      stopped: null,
    });
    const frames = await socket.waitFor((f) => f.type === 'action.progress_updated', 100);
    expect(frames).toHaveLength(100);
    expectValidFrames(socket.raw);

    const last = new Map<string, Frame>();
    for (const frame of frames) {
      const previous = last.get(frame.data.action_id);
      if (previous) {
        expect(frame.data.updated_at > previous.data.updated_at).toBe(true);
        expect(frame.id! > previous.id!).toBe(true);
      }
      last.set(frame.data.action_id, frame);
    }
    expect(last.size).toBeGreaterThan(3);
    for (const [id, frame] of last) {
      const rest = await api(server, `/api/actions/${id}`, { token: access_token });
      expect(rest.body).toMatchObject({ id, progress: frame.data.progress, updated_at: frame.data.updated_at });
      expect(rest.body.status).not.toBe('done');
    }
    await socket.close();
  });

  it('mixed: several event types, every one valid, status never moved to done', async () => {
    const { access_token } = await login(server);
    const socket = await connect(server, access_token);
    await control(server, 'stream', { rate: 1_000, duration_ms: 200, mix: 'mixed', seed: 3 });
    const done = await untilDone();
    expect(done.events).toBe(200);
    expect(Object.keys(done.by_type).length).toBeGreaterThanOrEqual(5);
    expect(done.by_type['action.progress_updated']).toBeGreaterThan(done.events / 2);
    const frames = await socket.waitFor(() => true, 200);
    expectValidFrames(socket.raw);
    expect(frames.some((f) => f.type === 'action.completed')).toBe(false);
    expect(frames.filter((f) => f.type === 'action.status_changed').every((f) => f.data.status !== 'done')).toBe(true);
    await socket.close();
  });

  it('refuses bad bodies with what to send instead', async () => {
    const missing = await control(server, 'stream', { rate: 100 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/rate .* and duration_ms are both needed/);
    const mix = await control(server, 'stream', { rate: 100, duration_ms: 100, mix: 'everything' });
    expect(mix.body.error.message).toMatch(/^Invalid stream body: mix: /);
    const tenant = await control(server, 'stream', { rate: 100, duration_ms: 100, tenant: 'initech' });
    expect(tenant.body.error.message).toContain('Unknown tenant "initech"');
    const tooFew = await control(server, 'stream', { rate: 1, duration_ms: 100 });
    expect(tooFew.body.error.message).toContain('less than one event');
    const tooFast = await control(server, 'stream', { rate: 1_000_000, duration_ms: 100 });
    expect(tooFast.body.error.message).toMatch(/rate: /);
    expect((await control(server, 'stream', undefined, 'PATCH')).status).toBe(405);
  });

  it('stop and reset end a running stream; GET reports why', async () => {
    await control(server, 'stream', { rate: 100, duration_ms: 60_000 });
    const stopped = await control(server, 'stream', { stop: true });
    expect(stopped.body).toMatchObject({ running: false, stopped: expect.stringContaining('stop') });
    await control(server, 'stream', { rate: 100, duration_ms: 60_000 });
    await control(server, 'reset', {});
    expect((await control(server, 'stream')).body).toMatchObject({
      running: false,
      stopped: 'stopped by POST /__control/reset',
    });
  });
});

describe('createStreamer pacing (fake timers, a real store)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2026-11-27T09:00:00.000Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    const frames: WireFrame[] = [];
    const store = createStore({
      seedDate: SEED_DATE,
      clock: createClock(() => Date.now()),
      publish: (_t, f) => (frames.push(f), 1),
    });
    return { frames, store, streamer: createStreamer({ store, print: () => {} }) };
  };

  it('sends what is due at each tick and stops at rate × duration', () => {
    const { frames, streamer } = setup();
    streamer.command({ rate: 500, duration_ms: 1_000 });
    vi.advanceTimersByTime(100);
    expect(frames).toHaveLength(50);
    vi.advanceTimersByTime(400);
    expect(frames).toHaveLength(250);
    vi.advanceTimersByTime(600);
    expect(frames).toHaveLength(500);
    expect(streamer.status()).toMatchObject({ running: false, events: 500, achieved_rate: 500 });
    vi.advanceTimersByTime(1_000);
    expect(frames).toHaveLength(500);
  });

  it('is reproducible from its seed, and a new stream replaces the running one', () => {
    const a = setup();
    const b = setup();
    a.streamer.command({ rate: 1_000, duration_ms: 100, mix: 'mixed', seed: 11 });
    b.streamer.command({ rate: 1_000, duration_ms: 100, mix: 'mixed', seed: 11 });
    vi.advanceTimersByTime(200);
    const strip = (f: WireFrame) => ({ type: f.type, data: f.data });
    expect(new Set(a.frames.map((f) => f.type)).size).toBeGreaterThan(2);
    expect(a.frames.map(strip)).toEqual(b.frames.map(strip));

    a.streamer.command({ rate: 100, duration_ms: 10_000 });
    a.streamer.command({ rate: 100, duration_ms: 100 });
    vi.advanceTimersByTime(10_000);
    expect(a.streamer.status()).toMatchObject({ events: 10, running: false });
  });

  it('ends early, saying why, when no open action is left', () => {
    const { store, streamer } = setup();
    streamer.command({ rate: 100, duration_ms: 1_000 });
    for (const row of store.db.actions.values()) row.value = { ...row.value, status: 'done' };
    vi.advanceTimersByTime(100);
    expect(streamer.status()).toMatchObject({
      running: false,
      events: 0,
      stopped: expect.stringContaining('no open actions'),
    });
  });
});
