import type { DomainEvent } from '@/lib/protocol';
import type { ChangeKind } from './remote-changes';

/** Looks names up in what the app already has cached; null when it does not know. */
export type EventLookups = {
  person(id: string | null | undefined): string | null;
  goal(id: string): string | null;
  action(id: string): string | null;
  issue(id: string): string | null;
  measure(id: string): { name: string; unit: string } | null;
};

export type EventDescription = {
  /** One sentence for a toast: "Dana completed 'Hire two engineers'". */
  message: string;
  /** The rows to highlight. */
  changed: { kind: ChangeKind; id: string }[];
};

const STATUS_VERBS: Record<string, string> = {
  not_started: 'moved {t} back to Not started',
  in_progress: 'started {t}',
  blocked: 'marked {t} as Blocked',
  done: 'completed {t}',
  open: 'reopened {t}',
  resolved: 'resolved {t}',
  closed: 'closed {t}',
};

const quote = (title: string | null, fallback: string) => (title ? `'${title}'` : fallback);

function words(value: string): string {
  const text = value.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatValue(value: number, unit: string | undefined) {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/\.?0+$/, '');
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/**
 * What a person should read about an event from someone else, or null when it is not worth a
 * toast (the rows still flash). The actor is named where the event carries one, otherwise "Someone".
 */
export function describeEvent(event: DomainEvent, look: EventLookups, actorId?: string | null): EventDescription | null {
  const firstName = (id?: string | null) => look.person(id)?.split(' ')[0] || null;
  const someone = (id?: string | null) => firstName(id ?? actorId) ?? 'Someone';
  switch (event.type) {
    case 'goal.created': {
      const g = event.data.goal;
      return { message: `${someone(g.ownerId)} created goal '${g.title}'`, changed: [{ kind: 'goal', id: g.id }] };
    }
    case 'goal.activated':
    case 'goal.completed':
    case 'goal.cancelled': {
      const verb = { 'goal.activated': 'activated', 'goal.completed': 'completed', 'goal.cancelled': 'cancelled' }[event.type];
      const title = quote(look.goal(event.data.goalId), 'a goal');
      return { message: `${someone()} ${verb} ${title}`, changed: [{ kind: 'goal', id: event.data.goalId }] };
    }
    case 'goal.activity.created': {
      const a = event.data.activity;
      const changed = [{ kind: 'activity' as const, id: a.id }];
      // Other kinds (status changes, completed actions) only lend their actor to the event they follow.
      if (a.kind !== 'comment') return { message: '', changed };
      const title = quote(look.goal(a.goalId), 'a goal');
      return { message: `${someone(a.actorId)} commented on ${title}: “${a.message}”`, changed };
    }
    case 'action.created': {
      const a = event.data.action;
      return { message: `Someone added action '${a.title}'`, changed: [{ kind: 'action', id: a.id }] };
    }
    case 'action.status_changed': {
      const title = quote(look.action(event.data.actionId), 'an action');
      const template = STATUS_VERBS[event.data.status] ?? `moved {t} to ${words(event.data.status)}`;
      return { message: `${someone()} ${template.replace('{t}', title)}`, changed: actionChange(event.data) };
    }
    case 'action.completed':
      return {
        message: `${someone()} completed ${quote(look.action(event.data.actionId), 'an action')}`,
        changed: actionChange(event.data),
      };
    case 'action.priority_changed':
      return {
        message: `${someone()} set ${quote(look.action(event.data.actionId), 'an action')} to ${words(event.data.priority)} priority`,
        changed: actionChange(event.data),
      };
    case 'action.reassigned': {
      const title = quote(look.action(event.data.actionId), 'an action');
      const to = event.data.assigneeId ? (look.person(event.data.assigneeId) ?? 'someone else') : null;
      return {
        message: to ? `${someone()} assigned ${title} to ${to}` : `${someone()} unassigned ${title}`,
        changed: actionChange(event.data),
      };
    }
    case 'action.progress_updated':
      return {
        message: `${someone()} updated ${quote(look.action(event.data.actionId), 'an action')} to ${Math.round(event.data.progress)}%`,
        changed: actionChange(event.data),
      };
    case 'measure.reading.created': {
      const r = event.data.reading;
      const measure = look.measure(event.data.measureId);
      const on = measure ? ` on '${measure.name}'` : '';
      return {
        message: `${someone(r.recordedBy)} recorded ${formatValue(r.value, measure?.unit)}${on}`,
        changed: [
          { kind: 'measure', id: event.data.measureId },
          { kind: 'reading', id: r.id },
        ],
      };
    }
    case 'issue.created':
      return { message: `Someone opened issue '${event.data.issue.title}'`, changed: [{ kind: 'issue', id: event.data.issue.id }] };
    case 'issue.status_changed': {
      const title = quote(look.issue(event.data.issueId), 'an issue');
      const template = STATUS_VERBS[event.data.status] ?? `moved {t} to ${words(event.data.status)}`;
      return { message: `Someone ${template.replace('{t}', title)}`, changed: [{ kind: 'issue', id: event.data.issueId }] };
    }
    case 'decision.created': {
      const d = event.data.decision;
      return { message: `${someone(d.decidedBy)} recorded decision '${d.title}'`, changed: [{ kind: 'decision', id: d.id }] };
    }
    case 'attachment.created': {
      const a = event.data.attachment;
      return { message: `Someone attached '${a.fileName}'`, changed: [{ kind: 'attachment', id: a.id }] };
    }
  }
}

function actionChange(data: { actionId: string; goalId: string }): EventDescription['changed'] {
  return [
    { kind: 'action', id: data.actionId },
    { kind: 'goal', id: data.goalId },
  ];
}
