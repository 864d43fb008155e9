import { z } from 'zod';
import {
  actionSchema,
  actionStatusSchema,
  activitySchema,
  attachmentSchema,
  decisionSchema,
  goalSchema,
  goalStatusSchema,
  issueSchema,
  issueStatusSchema,
  prioritySchema,
  readingSchema,
} from './entities';
import { socketErrorCodeSchema } from './errors';
import type { Camelize } from './normalize';

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);

/** The 16 domain event types, in the order of DESIGN.md. */
export const EVENT_TYPES = [
  'goal.created',
  'goal.activated',
  'goal.completed',
  'goal.cancelled',
  'goal.activity.created',
  'action.created',
  'action.status_changed',
  'action.completed',
  'action.priority_changed',
  'action.reassigned',
  'action.progress_updated',
  'measure.reading.created',
  'issue.created',
  'issue.status_changed',
  'decision.created',
  'attachment.created',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const goalStatusChange = z.object({
  goal_id: id,
  previous_status: goalStatusSchema,
  status: goalStatusSchema,
  updated_at: isoDate,
});

/** Wire (snake_case) payload schema of each domain event type. */
export const payloadSchemas = {
  'goal.created': z.object({ goal: goalSchema }),
  'goal.activated': goalStatusChange,
  'goal.completed': goalStatusChange,
  'goal.cancelled': goalStatusChange,
  'goal.activity.created': z.object({ activity: activitySchema }),
  'action.created': z.object({ action: actionSchema }),
  'action.status_changed': z.object({
    action_id: id,
    goal_id: id,
    previous_status: actionStatusSchema,
    status: actionStatusSchema,
    updated_at: isoDate,
  }),
  'action.completed': z.object({ action_id: id, goal_id: id, completed_at: isoDate, updated_at: isoDate }),
  'action.priority_changed': z.object({
    action_id: id,
    goal_id: id,
    previous_priority: prioritySchema,
    priority: prioritySchema,
    updated_at: isoDate,
  }),
  'action.reassigned': z.object({
    action_id: id,
    goal_id: id,
    previous_assignee_id: id.nullable(),
    assignee_id: id.nullable(),
    updated_at: isoDate,
  }),
  'action.progress_updated': z.object({
    action_id: id,
    goal_id: id,
    progress: z.number().min(0).max(100),
    updated_at: isoDate,
  }),
  'measure.reading.created': z.object({ measure_id: id, reading: readingSchema }),
  'issue.created': z.object({ issue: issueSchema }),
  'issue.status_changed': z.object({
    issue_id: id,
    previous_status: issueStatusSchema,
    status: issueStatusSchema,
    updated_at: isoDate,
  }),
  'decision.created': z.object({ decision: decisionSchema }),
  'attachment.created': z.object({ attachment: attachmentSchema }),
} satisfies Record<EventType, z.ZodType>;

export const errorPayloadSchema = z.object({
  code: socketErrorCodeSchema,
  message: z.string().max(2_000),
  retry_after_ms: z.number().int().nonnegative().max(3_600_000).optional(),
});

/** The envelope every server frame shares. `id` is optional: the production backend may omit it. */
export const envelopeSchema = z.object({
  type: z.string().min(1).max(100),
  timestamp: isoDate,
  id: z.string().min(1).max(200).optional(),
  data: z.unknown().optional(),
});

export type WireEventData<T extends EventType> = z.infer<(typeof payloadSchemas)[T]>;
/** Camel-case payload of an event type, as the app sees it. */
export type EventData<T extends EventType> = Camelize<WireEventData<T>>;

/** A validated, normalized domain event. Narrow on `type` to get its payload. */
export type DomainEvent<T extends EventType = EventType> = {
  [K in T]: { type: K; timestamp: string; id?: string; data: EventData<K> };
}[T];

export type PingFrame = { type: 'ping'; timestamp: string; id?: string };
export type PongFrame = { type: 'pong'; timestamp: string; id?: string };
export type ErrorFrame = {
  type: 'error';
  timestamp: string;
  id?: string;
  data: Camelize<z.infer<typeof errorPayloadSchema>>;
};
export type ServerFrame = DomainEvent | PingFrame | PongFrame | ErrorFrame;

/** Wire form of a frame, as JSON-serialised by the server. */
export type WireFrame<T extends EventType = EventType> = {
  type: T;
  timestamp: string;
  id?: string;
  data: WireEventData<T>;
};

const eventTypeSet: ReadonlySet<string> = new Set(EVENT_TYPES);
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && eventTypeSet.has(value);
}

/** The entity kind an event is about: the part of its type before the first dot (`action.completed` → `action`). */
export type EventEntity = EventType extends infer T ? (T extends `${infer K}.${string}` ? K : never) : never;

export function eventEntity(type: EventType): EventEntity {
  return type.slice(0, type.indexOf('.')) as EventEntity;
}
