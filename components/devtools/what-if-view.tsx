'use client';

import { useId, useState } from 'react';
import { EVENT_TYPES, type DomainEvent, type EventType } from '@/lib/protocol';
import type { EventOutcome, DryRun } from '@/lib/realtime';
import { describeRule, formatKey } from '../../lib/realtime/cache/map-report';
import { Badge, Button, Field, Select, Textarea } from '@/components/ui';
import type { DevtoolsSource } from './devtools-source';
import { redactText, type Secrets } from './redact-payload';
import { RuleLines } from './rule-lines';
import { exampleFrame, whatIf, type WhatIf } from './what-if';
import styles from './devtools.module.css';

const EXAMPLES = EVENT_TYPES.map((type) => ({ value: type, label: type }));
const FIRST: EventType = 'goal.completed';

/** "What would this event do?": a dry run of one event against the cache as it is now. */
export function WhatIfView({ source }: { source: DevtoolsSource }) {
  const [example, setExample] = useState<EventType>(FIRST);
  const [text, setText] = useState(() => exampleFrame(FIRST));
  // Bumped by "Check again" so the plan is recomputed against the cache as it is now.
  const [checkedAt, setCheckedAt] = useState(0);
  const [applied, setApplied] = useState<EventOutcome | null>(null);
  const result = whatIf(text, source.bridge);
  const resultId = useId();

  const apply = (event: DomainEvent) => {
    const { bridge } = source;
    if (bridge === null) return;
    const outcome = bridge.receive(event);
    source.capture.recordLatest(bridge.log, event);
    setApplied(outcome);
    setCheckedAt(Date.now());
  };

  return (
    <div className={styles.whatIf}>
      <div className={styles.editor}>
        <Field label="Example event">
          <Select
            value={example}
            options={EXAMPLES}
            onChange={(event) => {
              const type = event.target.value as EventType;
              setExample(type);
              setText(exampleFrame(type));
              setApplied(null);
            }}
          />
        </Field>
        <Field
          label="Event frame (JSON, as the server sends it)"
          hint="Edit it or paste your own; times are set to now so it is newer than the cache."
        >
          <Textarea
            value={text}
            rows={12}
            spellCheck={false}
            aria-describedby={resultId}
            onChange={(event) => {
              setText(event.target.value);
              setApplied(null);
            }}
          />
        </Field>
        <div className={styles.actions}>
          <Button size="sm" variant="secondary" onClick={() => setCheckedAt(Date.now())}>
            Check again
          </Button>
          <Button
            size="sm"
            disabled={result.kind !== 'plan'}
            onClick={() => (result.kind === 'plan' ? apply(result.event) : undefined)}
          >
            Apply locally
          </Button>
        </div>
      </div>
      <div
        id={resultId}
        className={styles.details}
        aria-live="polite"
        data-testid="devtools-what-if"
        data-checked={checkedAt}
      >
        {applied !== null ? <AppliedNote outcome={applied} /> : null}
        <Result result={result} secrets={source.secrets()} />
      </div>
    </div>
  );
}

function AppliedNote({ outcome }: { outcome: EventOutcome }) {
  const words =
    outcome.status === 'ignored'
      ? `Applied locally: ignored (${outcome.reason}).`
      : `Applied locally: patched ${outcome.patched.length}, invalidated ${outcome.invalidated.length}. See it in the event log.`;
  return (
    <p className={styles.note} role="status">
      {words}
    </p>
  );
}

function Result({ result, secrets }: { result: WhatIf; secrets: Secrets }) {
  switch (result.kind) {
    case 'empty':
      return <p className={styles.note}>Pick an example or paste an event frame.</p>;
    case 'invalid':
    case 'not-an-event':
    case 'no-bridge':
      return <p className={styles.error}>{redactText(result.message, secrets)}</p>;
    case 'plan':
      return <PlanView event={result.event} plan={result.plan} />;
  }
}

function PlanView({ event, plan }: { event: DomainEvent; plan: DryRun }) {
  const rule = describeRule(event.type, event);
  return (
    <>
      <h3 className={styles.mono}>{event.type}</h3>
      {plan.status === 'would-ignore' ? (
        <>
          <h4>Would be ignored: {plan.reason}</h4>
          <p>{redactText(plan.detail)}</p>
        </>
      ) : (
        <>
          <h4>Would patch ({plan.patched.length})</h4>
          {plan.patched.length === 0 ? (
            <p className={styles.note}>Nothing it patches is cached right now.</p>
          ) : (
            <ul className={styles.keys} aria-label="Would patch">
              {plan.patched.map((key, i) => (
                <li key={i} className={styles.mono}>
                  {redactText(formatKey(key))}
                </li>
              ))}
            </ul>
          )}
          <h4>Would invalidate ({plan.invalidated.length})</h4>
          {plan.invalidated.length === 0 ? (
            <p className={styles.note}>No cached query matches what it invalidates.</p>
          ) : (
            <ul className={styles.keys} aria-label="Would invalidate">
              {plan.invalidated.map(({ queryKey, active }, i) => (
                <li key={i}>
                  <span className={styles.mono}>{redactText(formatKey(queryKey))}</span>{' '}
                  <Badge tone={active ? 'info' : 'muted'}>
                    {active ? 'active: refetches' : 'inactive: marked stale'}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          {/* The plan's notes are the rule's note, plus why when the rule would fail. */}
          {plan.notes && plan.notes !== rule.note ? <p className={styles.error}>{redactText(plan.notes)}</p> : null}
        </>
      )}
      <h4>Rule</h4>
      <RuleLines rule={rule} />
    </>
  );
}
