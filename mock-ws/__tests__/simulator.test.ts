import { afterEach, describe, expect, it } from 'vitest';
import type { MockServer } from '../mock-server';
import { connect, expectValidFrames, login, startServer } from './helpers';

let server: MockServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('simulator', () => {
  it('does not run unless asked', async () => {
    server = await startServer();
    expect(server.state.simulator.running).toBe(false);
  });

  it('makes realistic writes in both tenants that broadcast validated events', async () => {
    server = await startServer({ simulate: true, simulateMinMs: 5, simulateMaxMs: 15 });
    expect(server.state.simulator.running).toBe(true);
    const acme = await connect(server, (await login(server)).access_token, { tenant: 'acme' });
    const globex = await connect(server, (await login(server, 'eli@globex.test')).access_token, { tenant: 'globex' });
    await acme.waitFor(() => true, 5);
    await globex.waitFor(() => true, 5);
    expectValidFrames(acme.raw);
    expectValidFrames(globex.raw);
    expect(acme.events().every((e) => e.id!.startsWith('acme-'))).toBe(true);
    expect(globex.events().every((e) => e.id!.startsWith('globex-'))).toBe(true);
    await server.close();
    expect(server.state.simulator.running).toBe(false);
  });

  it('acts as team members who are not connected', async () => {
    server = await startServer({ simulateSeed: 99 });
    const socket = await connect(server, (await login(server)).access_token);
    const sim = server.state.simulator;
    const done = Array.from({ length: 60 }, () => sim.tick('acme')).filter(Boolean);
    expect(done.length).toBeGreaterThan(50);
    expect(done.some((line) => line!.startsWith('Ava Adams'))).toBe(false);
    const db = server.state.store.db;
    const actors = [...db.activity.values()]
      .filter((r) => r.tenant === 'acme' && r.value.created_at > '2026-11-27')
      .map((r) => r.value.actor_id);
    expect(actors.length).toBeGreaterThan(0);
    expect(actors).not.toContain('u-1');
    socket.send({ type: 'ping' });
    await socket.waitFor((f) => f.type === 'pong');
    expect(new Set(socket.events().map((e) => e.type)).size).toBeGreaterThan(4);
    expectValidFrames(socket.raw);
  });

  it('keeps working after a reset', async () => {
    server = await startServer();
    const sim = server.state.simulator;
    for (let i = 0; i < 20; i++) sim.tick('globex');
    server.state.store.reset();
    for (let i = 0; i < 20; i++) expect(() => sim.tick('globex')).not.toThrow();
  });
});
