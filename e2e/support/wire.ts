import type { WireAction, WireAttachment, WireDecision, WireGoal, WireIssue } from '@/lib/protocol';

/**
 * Builders for wire (snake_case) payloads, so specs name only what matters to them. Timestamps
 * default to "now": newer than every seeded `updated_at`, so an emitted change applies.
 */

/** An ISO timestamp `offsetMs` from now (negative = in the past). */
export function isoAt(offsetMs = 0): string {
  return new Date(Date.now() + offsetMs).toISOString();
}

export function goal(fields: Partial<WireGoal> & Pick<WireGoal, 'id' | 'title'>): WireGoal {
  const now = isoAt();
  return {
    description: '',
    status: 'draft',
    owner_id: 'u-1',
    progress: 0,
    created_at: now,
    updated_at: now,
    ...fields,
  };
}

export function action(fields: Partial<WireAction> & Pick<WireAction, 'id' | 'goal_id' | 'title'>): WireAction {
  const now = isoAt();
  return {
    status: 'not_started',
    priority: 'medium',
    assignee_id: null,
    progress: 0,
    due_date: null,
    created_at: now,
    updated_at: now,
    ...fields,
  };
}

export function issue(fields: Partial<WireIssue> & Pick<WireIssue, 'id' | 'title'>): WireIssue {
  const now = isoAt();
  return { status: 'open', priority: 'medium', goal_id: null, created_at: now, updated_at: now, ...fields };
}

export function decision(fields: Partial<WireDecision> & Pick<WireDecision, 'id' | 'title'>): WireDecision {
  return { outcome: 'Agreed.', issue_id: null, goal_id: null, decided_by: 'u-2', created_at: isoAt(), ...fields };
}

export function attachment(
  fields: Partial<WireAttachment> & Pick<WireAttachment, 'id' | 'entity_id' | 'file_name'>,
): WireAttachment {
  return {
    entity_type: 'goal',
    size_bytes: 2048,
    url: `/files/${fields.id}/${fields.file_name}`,
    created_at: isoAt(),
    ...fields,
  };
}
