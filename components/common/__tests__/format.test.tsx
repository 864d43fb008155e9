import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatRelative, isOverdue } from '../format';
import { safeNextPath } from '../../auth/use-auth';

describe('format', () => {
  it('formats numbers with their unit', () => {
    expect(formatNumber(3940, 'users')).toBe('3,940 users');
    expect(formatNumber(58.75, '%')).toBe('58.75%');
    expect(formatNumber(null, '%')).toBe('—');
  });

  it('formats sizes and relative times', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(12_033)).toBe('12 KB');
    expect(formatBytes(1_893_220)).toBe('1.8 MB');
    const now = Date.parse('2026-11-27T10:00:00.000Z');
    expect(formatRelative('2026-11-27T09:59:50.000Z', now)).toBe('just now');
    expect(formatRelative('2026-11-27T09:55:00.000Z', now)).toBe('5 min ago');
    expect(formatRelative('2026-11-27T07:00:00.000Z', now)).toBe('3 h ago');
  });

  it('treats an action as overdue only before today and while not done', () => {
    const today = new Date('2026-11-27T12:00:00.000Z');
    expect(isOverdue('2026-11-26', 'in_progress', today)).toBe(true);
    expect(isOverdue('2026-11-27', 'in_progress', today)).toBe(false);
    expect(isOverdue('2026-11-26', 'done', today)).toBe(false);
    expect(isOverdue(null, 'blocked', today)).toBe(false);
  });
});

describe('safeNextPath', () => {
  it('follows same-site paths only', () => {
    expect(safeNextPath('/goals/g-1?x=1')).toBe('/goals/g-1?x=1');
    expect(safeNextPath('https://evil.test')).toBe('/');
    expect(safeNextPath('//evil.test')).toBe('/');
    expect(safeNextPath('/\\evil.test')).toBe('/');
    expect(safeNextPath('/login?next=/goals')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
