import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@/lib/protocol';
import { actionKeys, dashboardKeys, goalKeys } from '@/lib/api/keys';
import {
  buildMapReport,
  describeRule,
  formatKey,
  invalidatedLines,
  patchedLines,
  placeholderEvent,
  renderJson,
  renderMarkdown,
  type MapReport,
} from '../map-report';
import { coveredKeys } from '../entities';
import { eventMap } from '../event-map';
import { event } from '../../__tests__/helpers/bridge-fixtures';

const GENERATED = fileURLToPath(new URL('../../../../docs/event-map.generated.md', import.meta.url));

describe('map report', () => {
  it('docs/event-map.generated.md matches the map (regenerate with `npm run map:report -- --write`)', () => {
    const committed = readFileSync(GENERATED, 'utf8');
    const fresh = renderMarkdown();
    expect(
      committed === fresh,
      'docs/event-map.generated.md has drifted from lib/realtime/cache/event-map.ts. Run `npm run map:report -- --write` and commit the result.',
    ).toBe(true);
  });

  it("has one row per event type, in protocol order, with the rule's note", () => {
    const report = buildMapReport();
    expect(report.rules.map((rule) => rule.type)).toEqual([...EVENT_TYPES]);
    for (const rule of report.rules) expect(rule.note).toBe(eventMap[rule.type].note);
    const markdown = renderMarkdown(report);
    for (const type of EVENT_TYPES) expect(markdown).toContain(`| \`${type}\` |`);
    expect(report.resync).toEqual(coveredKeys);
  });

  it('prints key parts taken from the event as <path> placeholders and constants as themselves', () => {
    const rule = buildMapReport().rules.find((r) => r.type === 'action.completed')!;
    expect(rule.entity).toEqual({
      kind: 'action',
      id: '<actionId>',
      fields: ['status', 'progress'],
      detail: ['actions', 'detail', '<actionId>'],
      lists: ['actions', 'list'],
    });
    expect(invalidatedLines(rule)).toEqual([
      { code: "['actions', 'list', { status: 'done' }]" },
      { code: "['goals', 'detail', <goalId>]", remark: 'exact' },
      { code: "['goals', 'list']" },
      { code: "['dashboard']" },
    ]);
    expect(patchedLines(rule)).toEqual([
      { code: "['actions', 'detail', <actionId>]", remark: 'status, progress' },
      { code: "['actions', 'list', …]", remark: 'every cached list holding it: status, progress' },
    ]);
  });

  it('names a created entity as a whole and lists the inserts of its rule', () => {
    const rule = buildMapReport().rules.find((r) => r.type === 'action.created')!;
    expect(patchedLines(rule).map((line) => line.code)).toEqual([
      "['actions', 'detail', <action.id>]",
      "['actions', 'list', …]",
      "['actions', 'list', {}]",
      "['actions', 'list', { goalId: <action.goalId> }]",
    ]);
    expect(patchedLines(rule)[0]!.remark).toBe('the whole action');
  });

  it('describes a rule for a real event with its real keys, leaving out keys the event does not name', () => {
    const unassigned = event('action.reassigned', { assignee_id: null });
    const rule = describeRule('action.reassigned', unassigned);
    expect(rule.entity?.detail).toEqual(actionKeys.detail('a-1'));
    expect(rule.invalidated).toEqual([
      { key: goalKeys.detail('g-1'), exact: true },
      { key: goalKeys.lists(), exact: false },
      { key: dashboardKeys.all, exact: false },
    ]);
    expect(describeRule('decision.created', event('decision.created')).entity).toBeNull();
  });

  it('placeholders reach nested objects and arrays and leave numbers alone', () => {
    const reading = placeholderEvent('measure.reading.created');
    expect(reading.data).toEqual({
      measureId: '<measureId>',
      reading: {
        id: '<reading.id>',
        measureId: '<reading.measureId>',
        value: 42,
        recordedAt: '<reading.recordedAt>',
        recordedBy: '<reading.recordedBy>',
      },
    });
    expect(formatKey(['x', ['<a[0]>', 1, null], { b: true }])).toBe("['x', [<a[0]>, 1, null], { b: true }]");
  });

  it('JSON output parses back to the same report', () => {
    const report = buildMapReport();
    expect(JSON.parse(renderJson(report)) as MapReport).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('escapes table-breaking characters in notes', () => {
    const report = buildMapReport();
    const first = { ...report.rules[0]!, note: 'a | b\nc', entity: null, patched: [], invalidated: [] };
    const markdown = renderMarkdown({ ...report, rules: [first] });
    expect(markdown).toContain('| `goal.created` | — | — | a \\| b c |');
  });
});
