// @vitest-environment jsdom
import { useState } from 'react';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeFrame, type DomainEvent, type FrameRejection } from '@/lib/protocol';
import { createCacheBridge, createConnectionStore, type EventOutcome } from '@/lib/realtime';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import {
  event,
  manualSchedule,
  newClient,
  observe,
  seed,
  settle,
  T_OLD,
} from '@/lib/realtime/__tests__/helpers/bridge-fixtures';
import { DevtoolsPanel, type DevtoolsTab } from '../devtools-panel';
import { INITIAL_LOG_VIEW, type DevtoolsSource, type LogViewState } from '../devtools-source';
import { PayloadCapture } from '../payload-capture';

afterEach(cleanup);

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LWF2YSJ9.not-a-real-signature';

function setup(initialTab: DevtoolsTab = 'log') {
  const client = newClient();
  seed(client);
  const timers = manualSchedule();
  const bridge = createCacheBridge(client, { schedule: timers.schedule });
  const connection = createConnectionStore('live');
  const capture = new PayloadCapture(100);
  const controls = { reconnectNow: vi.fn(), resyncNow: vi.fn(() => bridge.resync()) };
  const source: DevtoolsSource = { bridge, connection, capture, secrets: () => [TOKEN], ...controls };
  const onClose = vi.fn();
  function Harness() {
    const [view, setView] = useState<LogViewState>(INITIAL_LOG_VIEW);
    return (
      <DevtoolsPanel source={source} logView={view} setLogView={setView} onClose={onClose} initialTab={initialTab} />
    );
  }
  render(<Harness />);
  /** What the runtime does for a socket event: apply, then the bus hands the payload to the capture. */
  const deliver = (e: DomainEvent): EventOutcome => {
    let outcome!: EventOutcome;
    act(() => {
      outcome = bridge.receive(e);
      capture.recordLatest(bridge.log, e);
    });
    return outcome;
  };
  return { client, bridge, connection, timers, controls, onClose, deliver };
}

const log = () => screen.getByRole('listbox', { name: 'Event log' });
const rows = () => within(log()).getAllByRole('option');
const rowTexts = () => rows().map((row) => row.textContent ?? '');

describe('DevtoolsPanel: the event log', () => {
  it('shows each entry with its outcome: patched, invalidated, refetches, stale, duplicate, invalid', async () => {
    const { client, deliver, bridge, timers } = setup();
    const goal = observe(client, goalKeys.detail('g-1'), () => ({ id: 'g-1' }));
    await settle();
    goal.reset();
    const applied = deliver(event('action.progress_updated', { progress: 55 }, { id: 'acme-1' }));
    deliver(event('action.progress_updated', { progress: 55 }, { id: 'acme-1' }));
    deliver(event('action.progress_updated', { updated_at: T_OLD }, { id: 'acme-2' }));
    act(() =>
      bridge.recordRejection(
        decodeFrame('{"type":"goal.deleted","timestamp":"2026-11-27T10:00:00.000Z","data":{}}') as FrameRejection,
      ),
    );
    act(() => void timers.run());

    expect(applied.status === 'applied' && applied.patched.length).toBeGreaterThan(1);
    const patched = applied.status === 'applied' ? applied.patched.length : 0;
    expect(await screen.findByText(`patched ${patched} · invalidated 3 · 1 refetch`)).toBeTruthy();
    expect(goal.calls).toBe(1);
    const texts = rowTexts();
    // Newest first; flushes are hidden by default.
    expect(texts).toHaveLength(4);
    expect(texts[0]).toMatch(/invalid: goal\.deleted.*invalid: unknown_type/);
    expect(texts[1]).toMatch(/action\.progress_updated.*acme-2.*ignored: stale/);
    expect(texts[2]).toMatch(/action\.progress_updated.*acme-1.*ignored: duplicate/);
    expect(texts[3]).toMatch(
      /action\.progress_updated.*acme-1.*patched \d+ · invalidated 3 · 1 refetch[\d.]+ (µs|ms)$/,
    );
    expect(rows()[3]!.getAttribute('data-outcome')).toBe('patched invalidated refetched');
  });

  it('filters by event type and by outcome, and shows flushes only when asked', async () => {
    const { deliver, timers } = setup();
    deliver(event('action.progress_updated', {}, { id: 'acme-1' }));
    deliver(event('decision.created', {}, { id: 'acme-2' }));
    deliver(event('action.completed', { action_id: 'a-2', updated_at: T_OLD }, { id: 'acme-3' }));
    act(() => void timers.run());
    await screen.findByText('patched 1');
    expect(rows()).toHaveLength(3);

    fireEvent.change(screen.getByRole('combobox', { name: 'Event type' }), { target: { value: 'decision.created' } });
    expect(rowTexts()).toEqual([expect.stringMatching(/decision\.created.*acme-2.*patched 1/)]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Event type' }), { target: { value: 'all' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'stale' } });
    expect(rowTexts()).toEqual([expect.stringMatching(/action\.completed.*acme-3.*ignored: stale/)]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'invalidated' } });
    expect(rowTexts()).toEqual([expect.stringMatching(/action\.progress_updated/)]);

    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'duplicate' } });
    expect(screen.getByText('No entries match these filters.')).toBeTruthy();

    fireEvent.change(screen.getByRole('combobox', { name: 'Outcome' }), { target: { value: 'all' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Flushes' }));
    expect(rows()[0]!.getAttribute('data-type')).toBe('flush');
    expect(rows()).toHaveLength(4);
  });

  it('a clicked row shows the outcome, the rule that handled it, and the payload with the token redacted', async () => {
    const { deliver } = setup();
    deliver(
      event(
        'goal.activity.created',
        {
          activity: {
            id: 'ac-7',
            goal_id: 'g-1',
            kind: 'comment',
            message: `pasted ${TOKEN} by mistake`,
            actor_id: 'u-2',
            created_at: '2026-11-27T10:05:00.000Z',
          },
        },
        { id: 'acme-9' },
      ),
    );
    fireEvent.click(
      await within(await screen.findByRole('listbox', { name: 'Event log' })).findByRole('option', {
        name: /goal\.activity\.created/,
      }),
    );
    const details = screen.getByTestId('devtools-details');
    expect(within(details).getByText(/Prepend the activity to its goal's feed/)).toBeTruthy();
    expect(within(details).getByRole('list', { name: 'Patches' }).textContent).toContain(
      "['goals', 'activity', 'g-1']",
    );
    expect(within(details).getByRole('list', { name: 'Invalidates (prefixes)' }).textContent).toContain(
      "['dashboard']",
    );
    expect(within(details).getByText('Patched (1)')).toBeTruthy();
    const payload = within(details).getByTestId('devtools-payload');
    expect(payload.textContent).toContain('"goalId": "g-1"');
    expect(payload.textContent).toContain('pasted [redacted] by mistake');
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it('pause freezes the view and counts what arrived; clear empties it; both keep the bridge untouched', async () => {
    const { deliver, bridge } = setup();
    deliver(event('decision.created', {}, { id: 'acme-1' }));
    await screen.findByText('patched 1');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    deliver(
      event(
        'decision.created',
        {
          decision: { id: 'd-7', title: 'B', outcome: 'ok', decided_by: 'u-1', created_at: '2026-11-27T10:06:00.000Z' },
        },
        { id: 'acme-2' },
      ),
    );
    expect((await screen.findByRole('button', { name: 'Resume (1 new)' })).getAttribute('aria-pressed')).toBe('true');
    expect(rows()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Resume (1 new)' }));
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByText(/No events yet/)).toBeTruthy();
    expect(bridge.log.getSnapshot()).toHaveLength(2);
    deliver(event('action.progress_updated', {}, { id: 'acme-3' }));
    expect(
      await within(await screen.findByRole('listbox', { name: 'Event log' })).findByRole('option', { name: /acme-3/ }),
    ).toBeTruthy();
    expect(rows()).toHaveLength(1);
  });

  it('is keyboard accessible: arrows move through the log, Escape closes, arrows switch tabs', async () => {
    const { deliver, onClose } = setup();
    deliver(event('decision.created', {}, { id: 'acme-1' }));
    deliver(event('action.progress_updated', {}, { id: 'acme-2' }));
    await within(await screen.findByRole('listbox', { name: 'Event log' })).findByRole('option', { name: /acme-2/ });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Event log' }));
    const [first, second] = rows() as [HTMLElement, HTMLElement];
    expect(first.getAttribute('tabindex')).toBe('0');
    expect(second.getAttribute('tabindex')).toBe('-1');
    first!.focus();
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByTestId('devtools-details').textContent).toContain('decision.created');
    fireEvent.keyDown(second!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'Enter' });
    expect(first.getAttribute('aria-selected')).toBe('true');

    const tab = screen.getByRole('tab', { name: 'Event log' });
    fireEvent.keyDown(tab, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Counters' }));
    expect(screen.getByRole('tab', { name: 'Counters' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Counters' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('DevtoolsPanel: counters and connection', () => {
  it('shows the bridge counters and the connection, and its buttons reconnect and resync', async () => {
    const { deliver, connection, controls } = setup('counters');
    deliver(event('action.progress_updated', {}, { id: 'acme-1' }));
    deliver(event('action.progress_updated', {}, { id: 'acme-1' }));
    act(() =>
      connection.update(
        {
          state: 'reconnecting',
          attempt: 3,
          lastCloseCode: 1006,
          lastCloseReason: `dropped ?access_token=${TOKEN}`,
          nextRetryAt: Date.now() + 4_000,
        },
        { reconnects: 2 },
      ),
    );
    await vi.waitFor(() => expect(screen.getByTestId('devtools-connection-state').textContent).toBe('reconnecting'));
    await vi.waitFor(() => expect(screen.getByTestId('devtools-counter-duplicate').textContent).toBe('Duplicate1'));
    expect(screen.getByTestId('devtools-counter-received').textContent).toContain('Received2');
    expect(screen.getByTestId('devtools-counter-reconnects').textContent).toContain('Reconnects2');
    const facts = screen.getByLabelText('Connection');
    expect(facts.textContent).toMatch(/Attempt3/);
    expect(facts.textContent).toMatch(/1006 · dropped \?access_token=\[redacted\]/);
    expect(facts.textContent).toMatch(/Next retryin [45] s/);
    expect(document.body.innerHTML).not.toContain(TOKEN);

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect now' }));
    expect(controls.reconnectNow).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Resync now' }));
    expect(controls.resyncNow).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(screen.getByTestId('devtools-counter-resyncs').textContent).toBe('Resyncs1'));
  });
});

describe('DevtoolsPanel: what would this event do?', () => {
  it('lists the cached keys an example would patch and invalidate (active or not), and applies it locally on request', async () => {
    const { client, bridge, timers } = setup('what-if');
    observe(client, dashboardKeys.summary(), () => ({ activeGoals: 1 }));
    await settle();
    fireEvent.change(screen.getByRole('combobox', { name: 'Example event' }), {
      target: { value: 'action.status_changed' },
    });
    const result = screen.getByTestId('devtools-what-if');
    const patch = within(result).getByRole('list', { name: 'Would patch' });
    const patched = within(patch)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(patched).toEqual(
      expect.arrayContaining([
        "['actions', 'detail', 'a-1']",
        "['actions', 'list', {}]",
        "['actions', 'list', { goalId: 'g-1' }]",
        "['actions', 'list', { status: 'in_progress' }]",
      ]),
    );
    expect(patched).not.toContain("['actions', 'list', { status: 'blocked' }]");
    const invalidate = within(result).getByRole('list', { name: 'Would invalidate' });
    const items = within(invalidate)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        "['actions', 'list', { status: 'blocked' }] inactive: marked stale",
        "['goals', 'detail', 'g-1'] inactive: marked stale",
        "['goals', 'list', {}] inactive: marked stale",
        "['dashboard', 'summary'] active: refetches",
      ]),
    );
    expect(items).toHaveLength(7); // with the four seeded goal lists (goal progress is server-computed)
    // A dry run: nothing changed, nothing logged.
    expect(client.getQueryData<{ status: string }>(actionKeys.detail('a-1'))?.status).toBe('in_progress');
    expect(bridge.log.getSnapshot()).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Apply locally' }));
    expect(within(result).getByRole('status').textContent).toMatch(/^Applied locally: patched \d+, invalidated 4/);
    expect(within(result).getByText('Would be ignored: stale')).toBeTruthy();
    act(() => void timers.run());
    expect(client.getQueryData<{ status: string }>(actionKeys.detail('a-1'))?.status).toBe('blocked');
    expect(bridge.log.getSnapshot().filter((entry) => entry.kind === 'event')).toHaveLength(1);
  });

  it('explains a pasted frame the socket would drop', () => {
    setup('what-if');
    fireEvent.change(screen.getByRole('textbox', { name: /Event frame/ }), {
      target: { value: '{"type":"goal.completed","data":{}}' },
    });
    expect(screen.getByTestId('devtools-what-if').textContent).toMatch(
      /The socket would drop this frame \(bad_envelope\)/,
    );
    expect((screen.getByRole('button', { name: 'Apply locally' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
