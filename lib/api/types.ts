import type {
  Camelize,
  WireAction,
  WireActivity,
  WireAttachment,
  WireDashboard,
  WireDecision,
  WireGoal,
  WireIssue,
  WireMeasure,
  WirePerson,
  WireReading,
  WireTenant,
  WireUser,
} from '@/lib/protocol';

/** Entity types as the app sees them: camelCase, converted from the wire with `normalize`. */
export type Goal = Camelize<WireGoal>;
export type Action = Camelize<WireAction>;
export type Measure = Camelize<WireMeasure>;
export type Reading = Camelize<WireReading>;
export type Issue = Camelize<WireIssue>;
export type Decision = Camelize<WireDecision>;
export type Person = Camelize<WirePerson>;
export type Activity = Camelize<WireActivity>;
export type Attachment = Camelize<WireAttachment>;
export type Dashboard = Camelize<WireDashboard>;
export type Tenant = Camelize<WireTenant>;
export type User = Camelize<WireUser>;

/** Every collection response is `{ items: [...] }`; the cache stores it in that shape. */
export type ListResponse<T> = { items: T[] };

export type { ActionStatus, AttachmentEntityType, GoalStatus, IssueStatus, Priority } from '@/lib/protocol';
