import { z } from 'zod';
import {
  actionSchema,
  activitySchema,
  attachmentSchema,
  decisionSchema,
  goalSchema,
  issueSchema,
  measureSchema,
  personSchema,
  readingSchema,
} from './entities';

/** REST response bodies (snake_case), shared by the fake backend and the app's client. */

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const tenantSchema = z.object({ id: z.string().min(1), name: z.string() });
export const userSchema = personSchema.extend({ tenants: z.array(tenantSchema) });

export const authResponseSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  tenant_id: z.string().min(1),
  user: userSchema,
});

export const dashboardSchema = z.object({
  active_goals: z.number().int().nonnegative(),
  open_issues: z.number().int().nonnegative(),
  actions_due: z.number().int().nonnegative(),
  recent_activity: z.array(activitySchema),
  measures: z.array(measureSchema),
});

export const restSchemas = {
  auth: authResponseSchema,
  goal: goalSchema,
  goals: listOf(goalSchema),
  action: actionSchema,
  actions: listOf(actionSchema),
  measure: measureSchema,
  measures: listOf(measureSchema),
  reading: readingSchema,
  readings: listOf(readingSchema),
  issue: issueSchema,
  issues: listOf(issueSchema),
  decision: decisionSchema,
  decisions: listOf(decisionSchema),
  activity: activitySchema,
  activities: listOf(activitySchema),
  attachment: attachmentSchema,
  attachments: listOf(attachmentSchema),
  people: listOf(personSchema),
  dashboard: dashboardSchema,
} as const;

export type WireAuthResponse = z.infer<typeof authResponseSchema>;
export type WireDashboard = z.infer<typeof dashboardSchema>;
export type WireTenant = z.infer<typeof tenantSchema>;
export type WireUser = z.infer<typeof userSchema>;
