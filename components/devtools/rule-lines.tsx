import { invalidatedLines, patchedLines, type KeyLine, type RuleReport } from '../../lib/realtime/cache/map-report';
import { redactText } from './redact-payload';
import styles from './devtools.module.css';

/** A rule of the event map as the map report prints it, resolved for one event. */
export function RuleLines({ rule }: { rule: RuleReport }) {
  return (
    <>
      <p className={styles.note}>{rule.note}</p>
      <Lines label="Patches" lines={patchedLines(rule)} />
      <Lines label="Invalidates (prefixes)" lines={invalidatedLines(rule)} />
    </>
  );
}

function Lines({ label, lines }: { label: string; lines: KeyLine[] }) {
  return (
    <>
      <p className={styles.section}>{label}</p>
      {lines.length === 0 ? (
        <p className={styles.note}>Nothing.</p>
      ) : (
        <ul className={styles.keys} aria-label={label}>
          {lines.map((line, i) => (
            <li key={i}>
              <code className={styles.mono}>{redactText(line.code)}</code>
              {line.remark === undefined ? null : <span className={styles.subtle}> — {line.remark}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
