import type { DomainEvent } from '@/lib/protocol';
import type { ChangeKind } from './remote-change-store';

export type ChangedRow = { kind: ChangeKind; id: string };

/** The rows an event changes, from the event alone: cheap enough to run for every event. */
export function changedRows(event: DomainEvent): ChangedRow[] {
  switch (event.type) {
    case 'goal.created':
      return [{ kind: 'goal', id: event.data.goal.id }];
    case 'goal.activated':
    case 'goal.completed':
    case 'goal.cancelled':
      return [{ kind: 'goal', id: event.data.goalId }];
    case 'goal.activity.created':
      return [{ kind: 'activity', id: event.data.activity.id }];
    case 'action.created':
      return [{ kind: 'action', id: event.data.action.id }];
    case 'action.status_changed':
    case 'action.completed':
    case 'action.priority_changed':
    case 'action.reassigned':
    case 'action.progress_updated':
      return [
        { kind: 'action', id: event.data.actionId },
        { kind: 'goal', id: event.data.goalId },
      ];
    case 'measure.reading.created':
      return [
        { kind: 'measure', id: event.data.measureId },
        { kind: 'reading', id: event.data.reading.id },
      ];
    case 'issue.created':
      return [{ kind: 'issue', id: event.data.issue.id }];
    case 'issue.status_changed':
      return [{ kind: 'issue', id: event.data.issueId }];
    case 'decision.created':
      return [{ kind: 'decision', id: event.data.decision.id }];
    case 'attachment.created':
      return [{ kind: 'attachment', id: event.data.attachment.id }];
  }
}
