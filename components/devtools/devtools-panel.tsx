'use client';

import { useEffect, useId, useRef, useState, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { IconButton, IconClose } from '@/components/ui';
import { CountersView } from './counters-view';
import type { DevtoolsSource, LogViewState } from './devtools-source';
import { EventLogView } from './event-log-view';
import { useThrottledStore } from './use-throttled-store';
import { WhatIfView } from './what-if-view';
import styles from './devtools.module.css';

const TABS = [
  { id: 'log', label: 'Event log' },
  { id: 'counters', label: 'Counters' },
  { id: 'what-if', label: 'What if' },
] as const;
export type DevtoolsTab = (typeof TABS)[number]['id'];

export type DevtoolsPanelProps = {
  source: DevtoolsSource;
  logView: LogViewState;
  setLogView: Dispatch<SetStateAction<LogViewState>>;
  onClose(): void;
  initialTab?: DevtoolsTab;
  id?: string;
};

/** The panel: a non-modal bottom sheet with three tabs. Escape closes it. */
export function DevtoolsPanel({ source, logView, setLogView, onClose, initialTab = 'log', id }: DevtoolsPanelProps) {
  const [tab, setTab] = useState<DevtoolsTab>(initialTab);
  const baseId = useId();
  const titleId = `${baseId}-title`;
  const tabRefs = useRef(new Map<DevtoolsTab, HTMLButtonElement>());
  const { state } = useThrottledStore(source.connection);

  useEffect(() => {
    tabRefs.current.get(initialTab)?.focus();
  }, [initialTab]);

  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[next]!.id;
    setTab(target);
    tabRefs.current.get(target)?.focus();
  };

  return (
    <section
      id={id}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className={styles.panel}
      data-testid="realtime-devtools"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <header className={styles.header}>
        <h2 id={titleId} className={styles.title}>
          <span className={styles.dot} data-state={state} aria-hidden="true" />
          Realtime devtools
        </h2>
        <div role="tablist" aria-label="Devtools views" className={styles.tabs} onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              ref={(node) => {
                if (node) tabRefs.current.set(t.id, node);
                else tabRefs.current.delete(t.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${t.id}`}
              aria-controls={`${baseId}-panel`}
              aria-selected={tab === t.id}
              tabIndex={tab === t.id ? 0 : -1}
              className={styles.tab}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className={styles.spacer} />
        <IconButton label="Close realtime devtools" size="sm" onClick={onClose}>
          <IconClose />
        </IconButton>
      </header>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className={styles.body}>
        {tab === 'log' ? <EventLogView source={source} view={logView} setView={setLogView} /> : null}
        {tab === 'counters' ? <CountersView source={source} /> : null}
        {tab === 'what-if' ? <WhatIfView source={source} /> : null}
      </div>
    </section>
  );
}
