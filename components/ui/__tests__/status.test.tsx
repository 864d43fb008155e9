// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTION_STATUSES, GOAL_STATUSES, ISSUE_STATUSES, PRIORITIES } from '@/lib/protocol';
import { PriorityLabel, StatusPill } from '../badge';
import { STATUS_TONES, statusTone, statusWords } from '../status';

afterEach(cleanup);

describe('statusWords', () => {
  it.each([
    ['in_progress', 'In progress'],
    ['not_started', 'Not started'],
    ['done', 'Done'],
    ['completed', 'Completed'],
    ['cancelled', 'Cancelled'],
    ['critical', 'Critical'],
    ['inProgress', 'In progress'],
    ['ON-HOLD', 'On hold'],
    ['  waiting__for_review ', 'Waiting for review'],
  ])('turns %j into %j', (value, words) => {
    expect(statusWords(value)).toBe(words);
  });

  it('gives an empty string for a missing value instead of throwing', () => {
    expect(statusWords(undefined)).toBe('');
    expect(statusWords(null)).toBe('');
    expect(statusWords('')).toBe('');
  });
});

describe('statusTone', () => {
  it('has a tone for every status the protocol defines', () => {
    const all: Array<[keyof typeof STATUS_TONES, readonly string[]]> = [
      ['goal', GOAL_STATUSES],
      ['action', ACTION_STATUSES],
      ['issue', ISSUE_STATUSES],
      ['priority', PRIORITIES],
    ];
    for (const [kind, values] of all) {
      expect(Object.keys(STATUS_TONES[kind]).sort()).toEqual([...values].sort());
    }
  });

  it('colours the states people scan for', () => {
    expect(statusTone('goal', 'completed')).toBe('success');
    expect(statusTone('action', 'blocked')).toBe('danger');
    expect(statusTone('priority', 'critical')).toBe('danger');
    expect(statusTone('issue', 'open')).toBe('warning');
  });

  it('falls back to neutral for unknown values, including inherited keys', () => {
    expect(statusTone('goal', 'archived')).toBe('neutral');
    expect(statusTone('goal', '__proto__')).toBe('neutral');
    expect(statusTone('action', 'toString')).toBe('neutral');
  });
});

describe('StatusPill', () => {
  it('shows the status in words with its tone and keeps the raw value as data-status', () => {
    render(<StatusPill kind="action" value="in_progress" data-testid="pill" />);
    const pill = screen.getByTestId('pill');
    expect(pill.textContent).toBe('In progress');
    expect(pill.dataset.status).toBe('in_progress');
    expect(pill.className).toContain('pp-tone--info');
  });

  it('still reads well for a status this build does not know', () => {
    render(<StatusPill kind="issue" value="needs_triage" />);
    expect(screen.getByText('Needs triage').className).toContain('pp-tone--neutral');
  });
});

describe('PriorityLabel', () => {
  it('shows the priority in words and lights bars by level', () => {
    const { container } = render(<PriorityLabel value="high" />);
    expect(screen.getByText('High')).toBeTruthy();
    expect(container.querySelectorAll('[data-on]')).toHaveLength(3);
  });
});
