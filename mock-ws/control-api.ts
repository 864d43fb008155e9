import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_TYPES, isEventType, type SocketErrorCode } from '../lib/protocol';
import { ApiError, parseInput } from './api-error';
import type { Chaos, ChaosConfig } from './chaos';
import * as schema from './control-schemas';
import { createStreamer } from './control-stream';
import type { Db } from './db';
import type { EventLog } from './event-log';
import type { Faults } from './faults';
import type { createHandshake } from './handshake';
import { errorBody, parseJsonBody, readBody, sendJson } from './http-util';
import type { SocketHub } from './socket-hub';
import type { Store } from './store';
import type { TokenService } from './tokens';

export type ControlDeps = {
  store: Store;
  hub: SocketHub;
  handshake: ReturnType<typeof createHandshake>;
  tokens: TokenService;
  faults: Faults;
  chaos: Chaos;
  log: EventLog;
  defaultPingMs: number;
  maxBodyBytes: number;
  maxDrainBytes: number;
  print: (line: string) => void;
};

type Verb = { method: 'GET' | 'POST'; run: (body: unknown, query: URLSearchParams) => unknown };

const DEFAULT_ERROR_MESSAGES: Record<SocketErrorCode, string> = {
  UNAUTHORIZED: 'Your session is no longer valid. Refresh the token and reconnect.',
  RATE_LIMIT_EXCEEDED: 'Too many requests. Wait before reconnecting.',
  INTERNAL_ERROR: 'The realtime service hit an internal error.',
};

/** The QA control API under /__control: script the fake backend (JSON in, JSON out). */
export function createControlApi(deps: ControlDeps) {
  const { store, hub, chaos, faults } = deps;
  const tenantOf = (tenant: string | undefined): string | undefined => {
    if (tenant === undefined || store.db.tenants.has(tenant)) return tenant;
    throw new ApiError(
      400,
      'validation_failed',
      `Unknown tenant "${tenant.slice(0, 60)}"; known tenants: ${[...store.db.tenants.keys()].join(', ')}.`,
    );
  };

  const streamer = createStreamer({ store, print: deps.print });

  const verbs: Record<string, Verb> = {
    reset: {
      method: 'POST',
      run: () => {
        streamer.stop('stopped by POST /__control/reset');
        store.reset();
        faults.clear();
        chaos.configure(null);
        chaos.resetCounts();
        hub.setHeartbeat(deps.defaultPingMs);
        return { ok: true };
      },
    },
    emit: {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.emitBody, body, 'emit body');
        if (!isEventType(input.type)) {
          throw new ApiError(
            400,
            'validation_failed',
            `Unknown event type "${input.type}". Use one of: ${EVENT_TYPES.join(', ')} (send-raw sends anything).`,
          );
        }
        const tenant = tenantOf(input.tenant) ?? 'acme';
        try {
          const { frame, sent } = store.emit(tenant, input.type, input.data as never, input.id);
          return { sent, id: frame.id };
        } catch (error) {
          if (error instanceof TypeError)
            throw new ApiError(400, 'validation_failed', `${error.message}. Send data in wire (snake_case) form.`);
          throw error;
        }
      },
    },
    'send-raw': {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.sendRawBody, body, 'send-raw body');
        const payload = input.binary ? Buffer.from(input.frame, input.encoding ?? 'utf8') : input.frame;
        return { sent: hub.sendRaw(tenantOf(input.tenant), payload, input.binary ?? false) };
      },
    },
    drop: {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.dropBody, body, 'drop body');
        return { dropped: hub.drop(tenantOf(input.tenant), input.code, input.reason), code: input.code ?? null };
      },
    },
    error: {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.errorBody, body, 'error body');
        const message = input.message ?? DEFAULT_ERROR_MESSAGES[input.code];
        return { sent: hub.sendError(tenantOf(input.tenant), input.code, message, input.retry_after_ms) };
      },
    },
    'expire-tokens': {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.expireTokensBody, body, 'expire-tokens body');
        deps.tokens.expireAll(input.include_refresh ?? false);
        const closed = hub.revokeAll('Your access token was revoked. Refresh it and reconnect.');
        return { expired: input.include_refresh ? ['access', 'refresh'] : ['access'], closed };
      },
    },
    'rest-delay': {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.restDelayBody, body, 'rest-delay body');
        faults.setRestDelay(input.path_prefix, input.ms);
        return { delays: faults.restDelays() };
      },
    },
    'refuse-connections': {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.refuseBody, body, 'refuse-connections body');
        const refusal = faults.refuse(input.status, input.for_ms);
        return { refusing: refusal !== null, status: input.status, until: refusal?.until ?? null };
      },
    },
    heartbeat: {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.heartbeatBody, body, 'heartbeat body');
        hub.setHeartbeat(input.interval_ms);
        return { interval_ms: input.interval_ms };
      },
    },
    chaos: {
      method: 'POST',
      run: (body) => {
        const input = parseInput(schema.chaosBody, body, 'chaos body');
        chaos.configure(Object.keys(input).length === 0 ? null : fillChaos(input));
        return { config: chaos.config, counts: chaos.counts };
      },
    },
    ping: { method: 'POST', run: () => ({ sent: hub.pingAll() }) },
    connections: { method: 'GET', run: () => ({ open: hub.list(), handshakes: deps.handshake.history() }) },
    log: {
      method: 'GET',
      run: (_body, query) => {
        const q = parseInput(schema.logQuery, Object.fromEntries(query), 'log query');
        const entries = deps.log.since(q.since ?? 0).filter((e) => !q.kind || e.kind === q.kind);
        return { entries, last_seq: deps.log.lastSeq };
      },
    },
    'log/clear': {
      method: 'POST',
      run: () => {
        deps.log.clear();
        return { ok: true, last_seq: deps.log.lastSeq };
      },
    },
    state: { method: 'GET', run: () => summary(store.db, hub, faults, chaos) },
    stream: { method: 'POST', run: (body) => streamer.command(body) },
  };
  // GET chaos and GET stream share the path of their POST verb.
  const statusVerbs: Record<string, Verb> = {
    chaos: { method: 'GET', run: () => ({ config: chaos.config, counts: chaos.counts }) },
    stream: { method: 'GET', run: () => streamer.status() },
  };

  return {
    /** Stop what runs on its own (the stream), for shutdown. */
    stop: () => void streamer.stop('the server is shutting down'),
    async handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      const method = req.method ?? 'GET';
      const name = url.pathname.slice('/__control/'.length);
      try {
        const verb =
          method === 'GET' && Object.hasOwn(statusVerbs, name)
            ? statusVerbs[name]
            : Object.hasOwn(verbs, name)
              ? verbs[name]
              : undefined;
        if (!verb) {
          throw new ApiError(
            404,
            'not_found',
            `No control verb "${name.slice(0, 60)}". Verbs: ${Object.keys(verbs).join(', ')}.`,
          );
        }
        if (verb.method !== method) {
          const allow = Object.hasOwn(statusVerbs, name) ? 'GET, POST' : verb.method;
          throw new ApiError(
            405,
            'method_not_allowed',
            `${method} is not allowed on /__control/${name}; use ${allow}.`,
            { Allow: allow },
          );
        }
        const body =
          method === 'POST' ? parseJsonBody(await readBody(req, deps.maxBodyBytes, deps.maxDrainBytes)) : undefined;
        const result = verb.run(body, url.searchParams);
        deps.print(`control ${method} /__control/${name} 200`);
        sendJson(res, 200, result);
      } catch (error) {
        const known =
          error instanceof ApiError
            ? error
            : new ApiError(500, 'internal_error', 'The control verb failed unexpectedly; see the mock-ws log.');
        if (!(error instanceof ApiError))
          deps.print(`control ${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
        deps.print(`control ${method} /__control/${name.slice(0, 60)} ${known.status}`);
        sendJson(res, known.status, errorBody(known), known.headers);
      }
    },
  };
}

function fillChaos(input: Partial<ChaosConfig>): ChaosConfig {
  return {
    drop_rate: input.drop_rate ?? 0,
    duplicate_rate: input.duplicate_rate ?? 0,
    reorder_rate: input.reorder_rate ?? 0,
    malformed_rate: input.malformed_rate ?? 0,
    disconnect_every_ms: input.disconnect_every_ms ?? 0,
    rest_delay_max_ms: input.rest_delay_max_ms ?? 0,
    seed: input.seed ?? 1,
  };
}

function summary(db: Db, hub: SocketHub, faults: Faults, chaos: Chaos) {
  const tenants: Record<string, Record<string, number>> = {};
  for (const tenant of db.tenants.keys()) {
    const count = (map: Map<string, { tenant: string }>) => [...map.values()].filter((r) => r.tenant === tenant).length;
    tenants[tenant] = {
      goals: count(db.goals),
      actions: count(db.actions),
      measures: count(db.measures),
      readings: count(db.readings),
      issues: count(db.issues),
      decisions: count(db.decisions),
      activity: count(db.activity),
      attachments: count(db.attachments),
      last_event_seq: db.eventSeq[tenant] ?? 0,
    };
  }
  return {
    tenants,
    connections: hub.list().length,
    heartbeat_ms: hub.heartbeatMs,
    rest_delays: faults.restDelays(),
    refusal: faults.refusal(),
    chaos: chaos.config,
  };
}
