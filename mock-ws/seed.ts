import type { WireActivity, WireGoal } from '../lib/protocol';
import { actionCompletedMessage, goalCreatedMessage, goalStatusMessage } from './activity-text';
import { emptyDb, nextId, type Db, type User } from './db';
import { SEED_TENANTS, SEED_USERS, type SeedTenant } from './seed-data';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Build the demo database. Deterministic: the same `seedDate` gives the same ids, values and timestamps,
 * which is what `POST /__control/reset` relies on. Every seed timestamp lies before `seedDate`; due dates
 * are spread around it so some actions are due within the week.
 */
export function buildSeed(seedDate: string): Db {
  const base = Date.parse(seedDate);
  const db = emptyDb();
  const userIdByKey = new Map<string, string>();
  for (const seedUser of SEED_USERS) {
    const id = nextId(db, 'user');
    userIdByKey.set(seedUser.key, id);
    const tenants = SEED_TENANTS.filter((t) => t.members.includes(seedUser.key)).map((t) => t.id);
    db.users.set(id, { id, name: seedUser.name, email: seedUser.email, tenants });
  }
  const userId = (key: string) => {
    const id = userIdByKey.get(key);
    if (!id) throw new Error(`seed: unknown user "${key}"`);
    return id;
  };
  for (const tenant of SEED_TENANTS) {
    db.tenants.set(tenant.id, { id: tenant.id, name: tenant.name });
    db.eventSeq[tenant.id] = 0;
    seedTenant(db, tenant, base, userId);
  }
  return db;
}

function seedTenant(db: Db, tenant: SeedTenant, base: number, userId: (key: string) => string): void {
  const iso = (ms: number) => new Date(ms).toISOString();
  const date = (days: number) => iso(base + days * DAY).slice(0, 10);
  const name = (id: string) => (db.users.get(id) as User).name;
  const feed: Omit<WireActivity, 'id'>[] = [];
  const goalIds = new Map<string, string>();
  const actionIds = new Map<string, string>();
  const issueIds = new Map<string, string>();

  tenant.goals.forEach((seedGoal, i) => {
    const created = base - (45 - i) * DAY + 9 * HOUR;
    const goalId = nextId(db, 'goal');
    goalIds.set(seedGoal.title, goalId);
    const owner = userId(seedGoal.owner);
    feed.push({
      goal_id: goalId,
      kind: 'created',
      message: goalCreatedMessage(name(owner)),
      actor_id: owner,
      created_at: iso(created),
    });
    let latest = created;
    let progressSum = 0;
    seedGoal.actions.forEach((seedAction, j) => {
      const actionId = nextId(db, 'action');
      actionIds.set(seedAction.title, actionId);
      const actionCreated = created + (j + 1) * HOUR;
      const updated = created + (seedAction.status === 'done' ? 3 + 2 * j : 5 + j) * DAY + j * HOUR;
      latest = Math.max(latest, updated);
      progressSum += seedAction.progress;
      const assignee = seedAction.assignee === null ? null : userId(seedAction.assignee);
      db.actions.set(actionId, {
        tenant: tenant.id,
        value: {
          id: actionId,
          goal_id: goalId,
          title: seedAction.title,
          status: seedAction.status,
          priority: seedAction.priority,
          assignee_id: assignee,
          progress: seedAction.progress,
          due_date: seedAction.due === null ? null : date(seedAction.due),
          created_at: iso(actionCreated),
          updated_at: iso(updated),
        },
      });
      if (seedAction.status === 'done') {
        const actor = assignee ?? owner;
        feed.push({
          goal_id: goalId,
          kind: 'action_completed',
          message: actionCompletedMessage(name(actor), seedAction.title),
          actor_id: actor,
          created_at: iso(updated),
        });
      }
    });
    if (seedGoal.status !== 'draft') {
      const activated = created + DAY;
      feed.push({
        goal_id: goalId,
        kind: 'status_changed',
        message: goalStatusMessage(name(owner), 'active'),
        actor_id: owner,
        created_at: iso(activated),
      });
      latest = Math.max(latest, activated);
    }
    if (seedGoal.status === 'completed' || seedGoal.status === 'cancelled') {
      const closed = latest + HOUR;
      feed.push({
        goal_id: goalId,
        kind: 'status_changed',
        message: goalStatusMessage(name(owner), seedGoal.status),
        actor_id: owner,
        created_at: iso(closed),
      });
      latest = closed;
    }
    const goal: WireGoal = {
      id: goalId,
      title: seedGoal.title,
      description: seedGoal.description,
      status: seedGoal.status,
      owner_id: owner,
      progress: seedGoal.actions.length ? Math.round(progressSum / seedGoal.actions.length) : 0,
      created_at: iso(created),
      updated_at: iso(latest),
    };
    db.goals.set(goalId, { tenant: tenant.id, value: goal });
  });

  const ref = (map: Map<string, string>, title: string | null, what: string) => {
    if (title === null) return null;
    const id = map.get(title);
    if (!id) throw new Error(`seed: ${tenant.id} has no ${what} titled "${title}"`);
    return id;
  };

  tenant.measures.forEach((seedMeasure, i) => {
    const measureId = nextId(db, 'measure');
    let recordedAt = 0;
    seedMeasure.readings.forEach((value, k) => {
      const readingId = nextId(db, 'reading');
      recordedAt = base - (8 - k) * 7 * DAY + (8 + i) * HOUR;
      db.readings.set(readingId, {
        tenant: tenant.id,
        value: {
          id: readingId,
          measure_id: measureId,
          value,
          recorded_at: iso(recordedAt),
          recorded_by: userId(seedMeasure.by),
        },
      });
    });
    db.measures.set(measureId, {
      tenant: tenant.id,
      value: {
        id: measureId,
        name: seedMeasure.name,
        unit: seedMeasure.unit,
        target: seedMeasure.target,
        current_value: seedMeasure.readings.at(-1) ?? null,
        updated_at: iso(recordedAt || base - DAY),
      },
    });
  });

  tenant.issues.forEach((seedIssue, k) => {
    const issueId = nextId(db, 'issue');
    issueIds.set(seedIssue.title, issueId);
    const created = base - (12 - k) * DAY + 10 * HOUR;
    db.issues.set(issueId, {
      tenant: tenant.id,
      value: {
        id: issueId,
        title: seedIssue.title,
        status: seedIssue.status,
        priority: seedIssue.priority,
        goal_id: ref(goalIds, seedIssue.goal, 'goal'),
        created_at: iso(created),
        updated_at: iso(created + DAY + k * HOUR),
      },
    });
  });

  tenant.decisions.forEach((seedDecision, k) => {
    const decisionId = nextId(db, 'decision');
    db.decisions.set(decisionId, {
      tenant: tenant.id,
      value: {
        id: decisionId,
        title: seedDecision.title,
        outcome: seedDecision.outcome,
        issue_id: ref(issueIds, seedDecision.issue, 'issue'),
        goal_id: ref(goalIds, seedDecision.goal, 'goal'),
        decided_by: userId(seedDecision.by),
        created_at: iso(base - (9 - k) * DAY + 11 * HOUR),
      },
    });
  });

  tenant.attachments.forEach((seedAttachment, k) => {
    const attachmentId = nextId(db, 'attachment');
    const targets = { goal: goalIds, action: actionIds, issue: issueIds }[seedAttachment.on];
    db.attachments.set(attachmentId, {
      tenant: tenant.id,
      value: {
        id: attachmentId,
        entity_type: seedAttachment.on,
        entity_id: ref(targets, seedAttachment.target, seedAttachment.on) as string,
        file_name: seedAttachment.fileName,
        size_bytes: seedAttachment.sizeBytes,
        url: attachmentUrl(attachmentId, seedAttachment.fileName),
        created_at: iso(base - (6 - k) * DAY + 14 * HOUR),
      },
    });
  });

  tenant.comments.forEach((comment, k) => {
    const actor = userId(comment.by);
    feed.push({
      goal_id: ref(goalIds, comment.goal, 'goal') as string,
      kind: 'comment',
      message: comment.message,
      actor_id: actor,
      created_at: iso(base - (2 - k) * DAY + 15 * HOUR),
    });
  });

  // Ids follow time, so the newest feed item also has the highest id.
  feed.sort((a, b) => a.created_at.localeCompare(b.created_at));
  for (const item of feed) {
    const id = nextId(db, 'activity');
    db.activity.set(id, { tenant: tenant.id, value: { id, ...item } });
  }
}

export function attachmentUrl(id: string, fileName: string): string {
  return `/files/${id}/${encodeURIComponent(fileName)}`;
}
