import { parseInput } from './api-error';
import { membersOf, rowsOf } from './db';
import { dashboard } from './reads';
import {
  attachmentQuery,
  definedFields,
  issuePatchBody,
  issueQuery,
  newAttachmentBody,
  newDecisionBody,
  newIssueBody,
  queryObject,
  readingBody,
} from './request-schemas';
import type { Route } from './router';
import type { ApiDeps } from './routes-auth';
import { addReading, createAttachment, createDecision, createIssue, patchIssue } from './writes-records';

/** Measures and readings, issues, decisions, attachments, people and the dashboard. */
export function recordRoutes({ store }: ApiDeps): Route[] {
  const db = () => store.db;
  return [
    {
      method: 'GET',
      path: '/api/measures',
      handler: ({ auth }) => ({ body: { items: rowsOf(db().measures, auth.tenant) } }),
    },
    {
      method: 'GET',
      path: '/api/measures/:id',
      handler: ({ auth, params }) => ({ body: store.get(db().measures, auth.tenant, params.id!, 'Measure') }),
    },
    {
      method: 'GET',
      path: '/api/measures/:id/readings',
      handler: ({ auth, params }) => {
        store.get(db().measures, auth.tenant, params.id!, 'Measure');
        const items = rowsOf(db().readings, auth.tenant)
          .filter((r) => r.measure_id === params.id)
          .sort((a, b) => a.recorded_at.localeCompare(b.recorded_at));
        return { body: { items } };
      },
    },
    {
      method: 'POST',
      path: '/api/measures/:id/readings',
      handler: ({ auth, params, body }) => {
        const { value } = parseInput(readingBody, body, 'request body');
        return { status: 201, body: addReading(store, auth.tenant, auth.userId, params.id!, value) };
      },
    },
    {
      method: 'GET',
      path: '/api/issues',
      handler: ({ auth, query }) => {
        const f = parseInput(issueQuery, queryObject(query, ['status']), 'query');
        return { body: { items: rowsOf(db().issues, auth.tenant).filter((i) => !f.status || i.status === f.status) } };
      },
    },
    {
      method: 'POST',
      path: '/api/issues',
      handler: ({ auth, body }) => ({
        status: 201,
        body: createIssue(store, auth.tenant, auth.userId, parseInput(newIssueBody, body, 'request body')),
      }),
    },
    {
      method: 'GET',
      path: '/api/issues/:id',
      handler: ({ auth, params }) => ({ body: store.get(db().issues, auth.tenant, params.id!, 'Issue') }),
    },
    {
      method: 'PATCH',
      path: '/api/issues/:id',
      handler: ({ auth, params, body }) => {
        const patch = definedFields(parseInput(issuePatchBody, body, 'request body'), 'status, priority, title');
        return { body: patchIssue(store, auth.tenant, auth.userId, params.id!, patch) };
      },
    },
    {
      method: 'GET',
      path: '/api/decisions',
      handler: ({ auth }) => ({ body: { items: rowsOf(db().decisions, auth.tenant) } }),
    },
    {
      method: 'POST',
      path: '/api/decisions',
      handler: ({ auth, body }) => ({
        status: 201,
        body: createDecision(store, auth.tenant, auth.userId, parseInput(newDecisionBody, body, 'request body')),
      }),
    },
    {
      method: 'GET',
      path: '/api/attachments',
      handler: ({ auth, query }) => {
        const f = parseInput(attachmentQuery, queryObject(query, ['entity_type', 'entity_id']), 'query');
        const items = rowsOf(db().attachments, auth.tenant).filter(
          (a) => (!f.entity_type || a.entity_type === f.entity_type) && (!f.entity_id || a.entity_id === f.entity_id),
        );
        return { body: { items } };
      },
    },
    {
      method: 'POST',
      path: '/api/attachments',
      handler: ({ auth, body }) => ({
        status: 201,
        body: createAttachment(store, auth.tenant, auth.userId, parseInput(newAttachmentBody, body, 'request body')),
      }),
    },
    {
      method: 'GET',
      path: '/api/people',
      handler: ({ auth }) => ({
        body: { items: membersOf(db(), auth.tenant).map(({ id, name, email }) => ({ id, name, email })) },
      }),
    },
    {
      method: 'GET',
      path: '/api/dashboard',
      handler: ({ auth }) => ({ body: dashboard(db(), auth.tenant, store.clock.now()) }),
    },
  ];
}
