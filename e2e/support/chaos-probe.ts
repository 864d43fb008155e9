import type { Page } from '@playwright/test';

/**
 * Reads the bridge's own counters (resyncs, rejections per reason, duplicates, stale) and the
 * socket's (connects, reconnects) out of a running page, without any test hook in the app: an init
 * script stands in for the React DevTools global hook, which React calls on every commit (also in
 * production builds), and the probe walks the fiber tree to the realtime context's value. If React
 * ever stops calling the hook, the probe answers null and the spec falls back to mock-ws's counts.
 */
export type ClientStats = {
  state: string;
  connects: number;
  reconnects: number;
  handshakeFailures: number;
  framesReceived: number;
  received: number;
  applied: number;
  duplicate: number;
  stale: number;
  invalid: number;
  rejected: Record<string, number>;
  resyncs: number;
  refetches: number;
  reapplied: number;
  errors: number;
};

/** Install before the page's scripts run (context.addInitScript). Keeps the latest committed roots. */
export function installReactProbe(): void {
  const w = window as unknown as Record<string, unknown>;
  if (w.__REACT_DEVTOOLS_GLOBAL_HOOK__) return;
  const roots = new Set<unknown>();
  w.__chaosRoots = roots;
  let nextId = 0;
  w.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    isDisabled: false,
    renderers: new Map(),
    inject() {
      return ++nextId;
    },
    checkDCE() {},
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id: number, root: unknown) {
      roots.add(root);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    setStrictMode() {},
  };
}

export async function readClientStats(page: Page): Promise<ClientStats | null> {
  return page.evaluate(() => {
    type Fiber = { memoizedProps?: { value?: unknown } | null; child: Fiber | null; sibling: Fiber | null };
    type Store<T> = { getSnapshot(): T };
    type Value = {
      runtime: {
        store: Store<{ state: string; counters: Record<string, number> }>;
        getBridge(): { stats: Store<Record<string, unknown>> } | null;
      };
    };
    const roots = (window as unknown as { __chaosRoots?: Set<{ current: Fiber }> }).__chaosRoots;
    if (!roots) return null;
    const isValue = (v: unknown): v is Value => {
      const runtime = (v as { runtime?: { store?: unknown; getBridge?: unknown } } | null | undefined)?.runtime;
      return typeof runtime?.getBridge === 'function' && typeof runtime.store === 'object';
    };
    for (const root of roots) {
      const stack: Fiber[] = root.current ? [root.current] : [];
      while (stack.length > 0) {
        const fiber = stack.pop()!;
        const value = fiber.memoizedProps?.value;
        if (isValue(value)) {
          const conn = value.runtime.store.getSnapshot();
          const stats = value.runtime.getBridge()?.stats.getSnapshot() ?? {};
          const n = (x: unknown) => (typeof x === 'number' ? x : 0);
          return {
            state: conn.state,
            connects: n(conn.counters.connects),
            reconnects: n(conn.counters.reconnects),
            handshakeFailures: n(conn.counters.handshakeFailures),
            framesReceived: n(conn.counters.framesReceived),
            received: n(stats.received),
            applied: n(stats.applied),
            duplicate: n(stats.duplicate),
            stale: n(stats.stale),
            invalid: n(stats.invalid),
            rejected: { ...((stats.rejected as Record<string, number> | undefined) ?? {}) },
            resyncs: n(stats.resyncs),
            refetches: n(stats.refetches),
            reapplied: n(stats.reapplied),
            errors: n(stats.errors),
          };
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
    }
    return null;
  });
}

/**
 * For a page that did not converge: the bridge's recent log and the state of every cached query,
 * so the report says which event or fetch went wrong.
 */
export async function readDiagnostics(page: Page, logEntries = 150): Promise<unknown> {
  return page.evaluate((logEntries) => {
    type Fiber = { memoizedProps?: Record<string, unknown> | null; child: Fiber | null; sibling: Fiber | null };
    const roots = (window as unknown as { __chaosRoots?: Set<{ current: Fiber }> }).__chaosRoots;
    if (!roots) return null;
    const out: Record<string, unknown> = {};
    for (const root of roots) {
      const stack: Fiber[] = root.current ? [root.current] : [];
      while (stack.length > 0) {
        const fiber = stack.pop()!;
        const props = fiber.memoizedProps ?? {};
        const value = props.value as
          { runtime?: { getBridge?: () => { log: { getSnapshot(): unknown[] } } | null } } | undefined;
        if (!out.log && typeof value?.runtime?.getBridge === 'function')
          out.log = value.runtime.getBridge()?.log.getSnapshot().slice(-logEntries);
        const client = props.client as
          | { getQueryCache?: () => { getAll(): Array<{ queryKey: unknown; state: Record<string, unknown> }> } }
          | undefined;
        if (!out.queries && typeof client?.getQueryCache === 'function') {
          out.queries = client
            .getQueryCache()
            .getAll()
            .map((q) => {
              const { data, ...state } = q.state;
              const items = (data as { items?: Array<{ id: string; status?: string; updatedAt?: string }> } | undefined)
                ?.items;
              return {
                key: q.queryKey,
                ...state,
                error: String(state.error ?? ''),
                items: items?.map((i) => `${i.id}:${i.status}:${i.updatedAt}`),
              };
            });
        }
        if (fiber.sibling) stack.push(fiber.sibling);
        if (fiber.child) stack.push(fiber.child);
      }
    }
    return out;
  }, logEntries);
}
