import type { GoalStatus } from '../lib/protocol';

/** Words for goal feed items, shared by the seed and live writes so both read the same. */
export function goalStatusMessage(actorName: string, status: GoalStatus): string {
  switch (status) {
    case 'active':
      return `${actorName} activated the goal`;
    case 'completed':
      return `${actorName} marked the goal completed`;
    case 'cancelled':
      return `${actorName} cancelled the goal`;
    default:
      return `${actorName} moved the goal back to draft`;
  }
}

export function actionCompletedMessage(actorName: string, actionTitle: string): string {
  return `${actorName} completed "${actionTitle}"`;
}

export function goalCreatedMessage(actorName: string): string {
  return `${actorName} created the goal`;
}
