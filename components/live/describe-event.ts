import type { DomainEvent } from '@/lib/protocol';

/** Looks names up in what the app already has cached; null when it does not know. */
export type EventLookups = {
  person(id: string | null | undefined): string | null;
  goal(id: string): string | null;
  action(id: string): string | null;
  issue(id: string): string | null;
  measure(id: string): { name: string; unit: string } | null;
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

/** Whether an event gets a toast of its own; feed items other than comments only lend their actor to the event they follow. */
export function worthAToast(event: DomainEvent): boolean {
  return event.type !== 'goal.activity.created' || event.data.activity.kind === 'comment';
}

/**
 * The toast's sentence, e.g. "Dana completed 'Hire two engineers'" (empty when the event is not
 * worth a toast; its rows still flash, see changed-rows.ts). The actor is named where the event
 * carries one, otherwise "Someone". It looks names up in the cache, so it runs only for what will be shown.
 */
export function describeMessage(event: DomainEvent, look: EventLookups, actorId?: string | null): string {
  const firstName = (id?: string | null) => look.person(id)?.split(' ')[0] || null;
  const someone = (id?: string | null) => firstName(id ?? actorId) ?? 'Someone';
  switch (event.type) {
    case 'goal.created': {
      const g = event.data.goal;
      return `${someone(g.ownerId)} created goal '${g.title}'`;
    }
    case 'goal.activated':
    case 'goal.completed':
    case 'goal.cancelled': {
      const verb = { 'goal.activated': 'activated', 'goal.completed': 'completed', 'goal.cancelled': 'cancelled' }[
        event.type
      ];
      return `${someone()} ${verb} ${quote(look.goal(event.data.goalId), 'a goal')}`;
    }
    case 'goal.activity.created': {
      const a = event.data.activity;
      if (a.kind !== 'comment') return '';
      return `${someone(a.actorId)} commented on ${quote(look.goal(a.goalId), 'a goal')}: “${a.message}”`;
    }
    case 'action.created':
      return `Someone added action '${event.data.action.title}'`;
    case 'action.status_changed': {
      const template = STATUS_VERBS[event.data.status] ?? `moved {t} to ${words(event.data.status)}`;
      return `${someone()} ${template.replace('{t}', quote(look.action(event.data.actionId), 'an action'))}`;
    }
    case 'action.completed':
      return `${someone()} completed ${quote(look.action(event.data.actionId), 'an action')}`;
    case 'action.priority_changed':
      return `${someone()} set ${quote(look.action(event.data.actionId), 'an action')} to ${words(event.data.priority)} priority`;
    case 'action.reassigned': {
      const title = quote(look.action(event.data.actionId), 'an action');
      const to = event.data.assigneeId ? (look.person(event.data.assigneeId) ?? 'someone else') : null;
      return to ? `${someone()} assigned ${title} to ${to}` : `${someone()} unassigned ${title}`;
    }
    case 'action.progress_updated':
      return `${someone()} updated ${quote(look.action(event.data.actionId), 'an action')} to ${Math.round(event.data.progress)}%`;
    case 'measure.reading.created': {
      const r = event.data.reading;
      const measure = look.measure(event.data.measureId);
      const on = measure ? ` on '${measure.name}'` : '';
      return `${someone(r.recordedBy)} recorded ${formatValue(r.value, measure?.unit)}${on}`;
    }
    case 'issue.created':
      return `Someone opened issue '${event.data.issue.title}'`;
    case 'issue.status_changed': {
      const template = STATUS_VERBS[event.data.status] ?? `moved {t} to ${words(event.data.status)}`;
      return `Someone ${template.replace('{t}', quote(look.issue(event.data.issueId), 'an issue'))}`;
    }
    case 'decision.created':
      return `${someone(event.data.decision.decidedBy)} recorded decision '${event.data.decision.title}'`;
    case 'attachment.created':
      return `Someone attached '${event.data.attachment.fileName}'`;
  }
}
