import { z } from 'zod';

/** Wire (snake_case) schemas for every entity. The app sees them camelCased via `normalize`. */

const isoDate = z.iso.datetime({ offset: true });
const id = z.string().min(1).max(200);
const text = (max: number) => z.string().max(max);

export const GOAL_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export const ACTION_STATUSES = ['not_started', 'in_progress', 'blocked', 'done'] as const;
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export const ATTACHMENT_ENTITY_TYPES = ['goal', 'action', 'issue'] as const;

export const goalStatusSchema = z.enum(GOAL_STATUSES);
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const prioritySchema = z.enum(PRIORITIES);
export const issueStatusSchema = z.enum(ISSUE_STATUSES);
export const attachmentEntityTypeSchema = z.enum(ATTACHMENT_ENTITY_TYPES);
const progress = z.number().min(0).max(100);

export const goalSchema = z.object({
  id,
  title: text(500),
  description: text(10_000),
  status: goalStatusSchema,
  owner_id: id,
  progress,
  created_at: isoDate,
  updated_at: isoDate,
});

export const actionSchema = z.object({
  id,
  goal_id: id,
  title: text(500),
  status: actionStatusSchema,
  priority: prioritySchema,
  assignee_id: id.nullable(),
  progress,
  due_date: z.iso.date().nullable(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const measureSchema = z.object({
  id,
  name: text(500),
  unit: text(50),
  target: z.number(),
  current_value: z.number().nullable(),
  updated_at: isoDate,
});

export const readingSchema = z.object({
  id,
  measure_id: id,
  value: z.number(),
  recorded_at: isoDate,
  recorded_by: id,
});

export const issueSchema = z.object({
  id,
  title: text(500),
  status: issueStatusSchema,
  priority: prioritySchema,
  goal_id: id.nullish(),
  created_at: isoDate,
  updated_at: isoDate,
});

export const decisionSchema = z.object({
  id,
  title: text(500),
  outcome: text(10_000),
  issue_id: id.nullish(),
  goal_id: id.nullish(),
  decided_by: id,
  created_at: isoDate,
});

export const personSchema = z.object({
  id,
  name: text(200),
  email: text(320),
});

export const activitySchema = z.object({
  id,
  goal_id: id,
  kind: text(50),
  message: text(2_000),
  actor_id: id,
  created_at: isoDate,
});

export const attachmentSchema = z.object({
  id,
  entity_type: attachmentEntityTypeSchema,
  entity_id: id,
  file_name: text(255),
  size_bytes: z.number().int().nonnegative(),
  url: text(2_000),
  created_at: isoDate,
});

export type WireGoal = z.infer<typeof goalSchema>;
export type WireAction = z.infer<typeof actionSchema>;
export type WireMeasure = z.infer<typeof measureSchema>;
export type WireReading = z.infer<typeof readingSchema>;
export type WireIssue = z.infer<typeof issueSchema>;
export type WireDecision = z.infer<typeof decisionSchema>;
export type WirePerson = z.infer<typeof personSchema>;
export type WireActivity = z.infer<typeof activitySchema>;
export type WireAttachment = z.infer<typeof attachmentSchema>;

export type GoalStatus = z.infer<typeof goalStatusSchema>;
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type Priority = z.infer<typeof prioritySchema>;
export type IssueStatus = z.infer<typeof issueStatusSchema>;
export type AttachmentEntityType = z.infer<typeof attachmentEntityTypeSchema>;
