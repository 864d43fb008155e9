import { z } from 'zod';
import {
  actionStatusSchema,
  attachmentEntityTypeSchema,
  goalStatusSchema,
  issueStatusSchema,
  prioritySchema,
} from '../lib/protocol';
import { ApiError } from './api-error';

/** Request bodies and query filters of the REST API. Unknown keys are dropped, never copied. */

const title = z.string().trim().min(1, 'must not be empty').max(500);
const id = z.string().min(1).max(200);
const optionalRef = id.nullable().optional();
const fileName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255)
  .regex(/^[^/\\\u0000-\u001f]+$/, 'must be a plain file name without slashes or control characters');

export const loginBody = z.object({
  email: z.string().trim().min(1, 'must not be empty').max(320),
  tenant_id: z.string().min(1).max(100).optional(),
});
export const refreshBody = z.object({ refresh_token: z.string().min(1, 'must not be empty').max(4_096) });

export const newGoalBody = z.object({ title, description: z.string().max(10_000).optional() });
export const goalPatchBody = z.object({
  status: goalStatusSchema.optional(),
  title: title.optional(),
  description: z.string().max(10_000).optional(),
});
export const commentBody = z.object({ message: z.string().trim().min(1, 'must not be empty').max(2_000) });

export const newActionBody = z.object({
  goal_id: id,
  title,
  priority: prioritySchema.optional(),
  assignee_id: optionalRef,
  due_date: z.iso.date().nullable().optional(),
});
export const actionPatchBody = z.object({
  status: actionStatusSchema.optional(),
  priority: prioritySchema.optional(),
  assignee_id: optionalRef,
  progress: z.number().min(0).max(100).optional(),
  title: title.optional(),
});

export const readingBody = z.object({ value: z.number() });

export const newIssueBody = z.object({ title, priority: prioritySchema.optional(), goal_id: optionalRef });
export const issuePatchBody = z.object({
  status: issueStatusSchema.optional(),
  priority: prioritySchema.optional(),
  title: title.optional(),
});

export const newDecisionBody = z.object({
  title,
  outcome: z.string().trim().min(1, 'must not be empty').max(10_000),
  issue_id: optionalRef,
  goal_id: optionalRef,
});

export const newAttachmentBody = z.object({
  entity_type: attachmentEntityTypeSchema,
  entity_id: id,
  file_name: fileName,
  size_bytes: z
    .number()
    .int()
    .nonnegative()
    .max(10 * 1024 ** 3),
});

export const goalQuery = z.object({ status: goalStatusSchema.optional() });
export const actionQuery = z.object({
  status: actionStatusSchema.optional(),
  goal_id: id.optional(),
  assignee_id: id.optional(),
});
export const issueQuery = z.object({ status: issueStatusSchema.optional() });
export const attachmentQuery = z.object({
  entity_type: attachmentEntityTypeSchema.optional(),
  entity_id: id.optional(),
});

/** The query string as a plain object of its first values; empty values count as absent. */
export function queryObject(query: URLSearchParams, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = query.get(name);
    if (value !== null && value !== '') out[name] = value;
  }
  return out;
}

/** A PATCH must name at least one field it can change. */
export function definedFields<T extends Record<string, unknown>>(patch: T, fields: string): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  if (Object.keys(out).length === 0) {
    throw new ApiError(
      400,
      'validation_failed',
      `PATCH body names no field to change; send at least one of ${fields}.`,
    );
  }
  return out as T;
}
