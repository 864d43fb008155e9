import { parseInput } from './api-error';
import { rowsOf } from './db';
import { newestFirst } from './reads';
import {
  actionPatchBody,
  actionQuery,
  commentBody,
  definedFields,
  goalPatchBody,
  goalQuery,
  newActionBody,
  newGoalBody,
  queryObject,
} from './request-schemas';
import type { Route } from './router';
import type { ApiDeps } from './routes-auth';
import { createAction, patchAction } from './writes-actions';
import { addComment, createGoal, patchGoal } from './writes-goals';

/** Goals, their activity feed, and actions. */
export function goalRoutes({ store }: ApiDeps): Route[] {
  const db = () => store.db;
  return [
    {
      method: 'GET',
      path: '/api/goals',
      handler: ({ auth, query }) => {
        const filters = parseInput(goalQuery, queryObject(query, ['status']), 'query');
        const items = rowsOf(db().goals, auth.tenant).filter((g) => !filters.status || g.status === filters.status);
        return { body: { items } };
      },
    },
    {
      method: 'POST',
      path: '/api/goals',
      handler: ({ auth, body }) => ({
        status: 201,
        body: createGoal(store, auth.tenant, auth.userId, parseInput(newGoalBody, body, 'request body')),
      }),
    },
    {
      method: 'GET',
      path: '/api/goals/:id',
      handler: ({ auth, params }) => ({ body: store.get(db().goals, auth.tenant, params.id!, 'Goal') }),
    },
    {
      method: 'PATCH',
      path: '/api/goals/:id',
      handler: ({ auth, params, body }) => {
        const patch = definedFields(parseInput(goalPatchBody, body, 'request body'), 'status, title, description');
        return { body: patchGoal(store, auth.tenant, auth.userId, params.id!, patch) };
      },
    },
    {
      method: 'GET',
      path: '/api/goals/:id/activity',
      handler: ({ auth, params }) => {
        store.get(db().goals, auth.tenant, params.id!, 'Goal');
        const items = rowsOf(db().activity, auth.tenant)
          .filter((a) => a.goal_id === params.id)
          .sort(newestFirst);
        return { body: { items } };
      },
    },
    {
      method: 'POST',
      path: '/api/goals/:id/activity',
      handler: ({ auth, params, body }) => {
        const { message } = parseInput(commentBody, body, 'request body');
        return { status: 201, body: addComment(store, auth.tenant, auth.userId, params.id!, message) };
      },
    },
    {
      method: 'GET',
      path: '/api/actions',
      handler: ({ auth, query }) => {
        const f = parseInput(actionQuery, queryObject(query, ['status', 'goal_id', 'assignee_id']), 'query');
        const items = rowsOf(db().actions, auth.tenant).filter(
          (a) =>
            (!f.status || a.status === f.status) &&
            (!f.goal_id || a.goal_id === f.goal_id) &&
            (!f.assignee_id || a.assignee_id === f.assignee_id),
        );
        return { body: { items } };
      },
    },
    {
      method: 'POST',
      path: '/api/actions',
      handler: ({ auth, body }) => ({
        status: 201,
        body: createAction(store, auth.tenant, auth.userId, parseInput(newActionBody, body, 'request body')),
      }),
    },
    {
      method: 'GET',
      path: '/api/actions/:id',
      handler: ({ auth, params }) => ({ body: store.get(db().actions, auth.tenant, params.id!, 'Action') }),
    },
    {
      method: 'PATCH',
      path: '/api/actions/:id',
      handler: ({ auth, params, body }) => {
        const patch = definedFields(
          parseInput(actionPatchBody, body, 'request body'),
          'status, priority, assignee_id, progress, title',
        );
        return { body: patchAction(store, auth.tenant, auth.userId, params.id!, patch) };
      },
    },
  ];
}
