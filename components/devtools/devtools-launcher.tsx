'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { getTokenStore } from '@/lib/api';
import { useRealtimeBridge, useRealtimeEvent, useRealtimeState } from '@/lib/realtime';
import { DevtoolsPanel } from './devtools-panel';
import { INITIAL_LOG_VIEW, type DevtoolsSource, type LogViewState } from './devtools-source';
import { PayloadCapture } from './payload-capture';
import styles from './devtools.module.css';

export const DEVTOOLS_DEFAULTS = {
  /** Payloads kept for clicked rows; the bridge's log keeps 500 entries by default. */
  capturedPayloads: 500,
} as const;

/**
 * The floating "Realtime" button and the panel it opens. Loaded lazily by RealtimeDevtools; while
 * mounted it keeps a copy of each event's payload (the bridge's log keeps none) for the details view.
 */
export function DevtoolsLauncher() {
  const handle = useRealtimeBridge();
  const state = useRealtimeState();
  const [capture] = useState(() => new PayloadCapture(DEVTOOLS_DEFAULTS.capturedPayloads));
  const [open, setOpen] = useState(false);
  const [logView, setLogView] = useState<LogViewState>(INITIAL_LOG_VIEW);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const panelId = useId();

  useRealtimeEvent('*', (event) => {
    if (handle.log !== null) capture.recordLatest(handle.log, event);
  });

  // The bridge is replaced on a tenant switch; its log starts empty, and so does the view.
  useEffect(() => {
    capture.clear();
  }, [capture, handle.bridge]);

  useEffect(() => {
    if (wasOpen.current && !open) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const source = useMemo<DevtoolsSource>(
    () => ({
      bridge: handle.bridge,
      connection: handle.connection,
      reconnectNow: handle.reconnectNow,
      resyncNow: handle.resyncNow,
      capture,
      secrets: () => [getTokenStore().getAccessToken()],
    }),
    [handle, capture],
  );

  if (open) {
    return (
      <DevtoolsPanel
        id={panelId}
        source={source}
        logView={logView}
        setLogView={setLogView}
        onClose={() => setOpen(false)}
      />
    );
  }
  return (
    <button
      ref={buttonRef}
      type="button"
      className={styles.launcher}
      aria-expanded={false}
      aria-controls={panelId}
      aria-label="Open realtime devtools"
      onClick={() => setOpen(true)}
    >
      <span className={styles.dot} data-state={state} aria-hidden="true" />
      Realtime
    </button>
  );
}
