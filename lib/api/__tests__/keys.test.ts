import { describe, expect, it } from 'vitest';
import { matchQuery, QueryClient } from '@tanstack/react-query';
import {
  actionKeys,
  attachmentKeys,
  cleanFilters,
  dashboardKeys,
  decisionKeys,
  goalKeys,
  issueKeys,
  measureKeys,
  peopleKeys,
} from '../keys';

const isPrefix = (prefix: readonly unknown[], key: readonly unknown[]) =>
  matchQuery({ queryKey: prefix }, new QueryClient().getQueryCache().build(new QueryClient(), { queryKey: key }));

describe('query key factories', () => {
  it('build keys general → specific, each level a prefix of the next', () => {
    expect(goalKeys.all).toEqual(['goals']);
    expect(goalKeys.lists()).toEqual(['goals', 'list']);
    expect(goalKeys.list({ status: 'active' })).toEqual(['goals', 'list', { status: 'active' }]);
    expect(goalKeys.detail('g-1')).toEqual(['goals', 'detail', 'g-1']);
    expect(goalKeys.activity('g-1')).toEqual(['goals', 'activity', 'g-1']);
    expect(actionKeys.list({ goalId: 'g-1' })).toEqual(['actions', 'list', { goalId: 'g-1' }]);
    expect(measureKeys.readings('m-1')).toEqual(['measures', 'readings', 'm-1']);
    expect(measureKeys.list()).toEqual(['measures', 'list', {}]);
    expect(issueKeys.detail('i-1')).toEqual(['issues', 'detail', 'i-1']);
    expect(decisionKeys.list()).toEqual(['decisions', 'list', {}]);
    expect(attachmentKeys.list('goal', 'g-1')).toEqual([
      'attachments',
      'list',
      { entityType: 'goal', entityId: 'g-1' },
    ]);
    expect(peopleKeys.list()).toEqual(['people', 'list']);
    expect(dashboardKeys.summary()).toEqual(['dashboard', 'summary']);

    expect(isPrefix(goalKeys.lists(), goalKeys.list({ status: 'draft' }))).toBe(true);
    expect(isPrefix(goalKeys.all, goalKeys.detail('g-1'))).toBe(true);
    expect(isPrefix(goalKeys.lists(), goalKeys.detail('g-1'))).toBe(false);
    expect(isPrefix(actionKeys.all, goalKeys.list())).toBe(false);
  });

  it('hash equal filters to the same key whatever the order or empty fields', () => {
    expect(actionKeys.list({ status: 'done', assigneeId: 'u-1' })).toEqual(
      actionKeys.list({ assigneeId: 'u-1', status: 'done', goalId: undefined }),
    );
    expect(goalKeys.list({ status: undefined })).toEqual(goalKeys.list());
    expect(cleanFilters({ a: '', b: null, c: 0, d: false })).toEqual({ c: 0, d: false });
    expect(Object.keys(cleanFilters({ z: 1, a: 2 }))).toEqual(['a', 'z']);
  });
});
