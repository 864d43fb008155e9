import { afterEach, describe, expect, it } from 'vitest';
import { decodeFrame } from '../../lib/protocol';
import type { MockServer } from '../mock-server';
import { api, connect, control, login, startServer, tick, type TestSocket } from './helpers';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(options = {}): Promise<{ socket: TestSocket; token: string }> {
  server = await startServer(options);
  const { access_token: token } = await login(server);
  return { socket: await connect(server, token), token };
}

/** Emit n goal.created events through the normal write path. */
async function createGoals(token: string, n: number) {
  for (let i = 0; i < n; i++) await api(server!, '/api/goals', { token, body: { title: `Goal ${i}` } });
}

describe('POST /__control/chaos', () => {
  it('drop_rate 1 drops every event and counts it', async () => {
    const { socket, token } = await setup();
    const res = await control(server!, 'chaos', { drop_rate: 1, seed: 3 });
    expect(res.body.config).toEqual({
      drop_rate: 1,
      duplicate_rate: 0,
      reorder_rate: 0,
      malformed_rate: 0,
      disconnect_every_ms: 0,
      rest_delay_max_ms: 0,
      seed: 3,
    });
    await createGoals(token, 3);
    socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'pong');
    expect(socket.events()).toEqual([]);
    expect((await control(server!, 'chaos')).body.counts).toMatchObject({ dropped: 3 });
  });

  it('duplicate_rate 1 sends every event twice with the same id', async () => {
    const { socket, token } = await setup();
    await control(server!, 'chaos', { duplicate_rate: 1 });
    await createGoals(token, 2);
    const frames = await socket.waitFor((f) => f.type === 'goal.created', 4);
    expect(frames.map((f) => f.id)).toEqual(['acme-000001', 'acme-000001', 'acme-000002', 'acme-000002']);
    expect((await control(server!, 'chaos')).body.counts.duplicated).toBe(2);
  });

  it('reorder_rate 1 holds an event until a later one has gone out', async () => {
    const { socket, token } = await setup({ reorderWindowMs: 5_000 });
    await control(server!, 'chaos', { reorder_rate: 1 });
    await createGoals(token, 2);
    const frames = await socket.waitFor((f) => f.type === 'goal.created', 2);
    expect(frames.map((f) => f.id)).toEqual(['acme-000002', 'acme-000001']);
  });

  it('a held event is still sent when nothing overtakes it within the window', async () => {
    const { socket, token } = await setup({ reorderWindowMs: 30 });
    await control(server!, 'chaos', { reorder_rate: 1 });
    await createGoals(token, 1);
    const [frame] = await socket.waitFor((f) => f.type === 'goal.created');
    expect(frame!.id).toBe('acme-000001');
  });

  it('malformed_rate 1 replaces events with frames the client parser rejects', async () => {
    const { socket, token } = await setup();
    await control(server!, 'chaos', { malformed_rate: 1, seed: 11 });
    await createGoals(token, 8);
    await socket.waitForRaw(8);
    for (const { data } of socket.raw) expect(decodeFrame(data).ok).toBe(false);
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect((await control(server!, 'chaos')).body.counts.malformed).toBe(8);
  });

  it('the same seed injects the same faults', async () => {
    const run = async () => {
      const { socket, token } = await setup();
      await control(server!, 'chaos', { drop_rate: 0.3, duplicate_rate: 0.3, seed: 1234 });
      await createGoals(token, 12);
      socket.send({ type: 'ping' });
      await socket.waitFor((f) => f.type === 'pong');
      const ids = socket.events().map((f) => f.id);
      await server!.close();
      return ids;
    };
    const first = await run();
    expect(first).not.toEqual(Array.from({ length: 12 }, (_, i) => `acme-${String(i + 1).padStart(6, '0')}`));
    expect(await run()).toEqual(first);
  });

  it('disconnect_every_ms terminates a socket now and then', async () => {
    const { socket } = await setup();
    await control(server!, 'chaos', { disconnect_every_ms: 50 });
    expect((await socket.closed).code).toBe(1006);
    expect((await control(server!, 'chaos')).body.counts.disconnected).toBeGreaterThanOrEqual(1);
  });

  it('rest_delay_max_ms delays some REST responses', async () => {
    const { token } = await setup();
    await control(server!, 'chaos', { rest_delay_max_ms: 40, seed: 5 });
    for (let i = 0; i < 10; i++) await api(server!, '/api/people', { token });
    const delayed = (await control(server!, 'chaos')).body.counts.rest_delayed;
    expect(delayed).toBeGreaterThan(0);
    expect(delayed).toBeLessThan(10);
  });

  it('{} turns chaos off', async () => {
    const { socket, token } = await setup();
    await control(server!, 'chaos', { drop_rate: 1 });
    expect((await control(server!, 'chaos', {})).body.config).toBeNull();
    await createGoals(token, 1);
    await socket.waitFor((f) => f.type === 'goal.created');
  });

  it('rejects rates that add up to more than 1 or fall outside 0..1', async () => {
    server = await startServer();
    expect((await control(server, 'chaos', { drop_rate: 0.6, duplicate_rate: 0.6 })).body.error.message).toContain(
      'at most 1',
    );
    expect((await control(server, 'chaos', { drop_rate: 2 })).body.error.message).toContain('drop_rate');
  });

  it('reset turns every scripted fault off', async () => {
    server = await startServer({ pingMs: 30_000 });
    await control(server, 'chaos', { drop_rate: 0.5 });
    await control(server, 'rest-delay', { path_prefix: '/api', ms: 100 });
    await control(server, 'refuse-connections', { status: 503, for_ms: 10_000 });
    await control(server, 'heartbeat', { interval_ms: 0 });
    await control(server, 'reset', {});
    const { body } = await control(server, 'state');
    expect(body).toMatchObject({ chaos: null, rest_delays: {}, refusal: null, heartbeat_ms: 30_000 });
    await tick(0);
  });
});
