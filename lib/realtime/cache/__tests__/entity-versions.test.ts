import { describe, expect, it } from 'vitest';
import { compareTimes } from '../list-updaters';
import { EntityVersions, versionOf } from '../memory';

const v = (minute: number) => Date.parse(`2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`);

describe('EntityVersions', () => {
  it('tells newer, same, and older events apart, per entity', () => {
    const versions = new EntityVersions(10);
    expect(versions.observe('action:a-1', v(5), ['status'])).toBe('newer');
    expect(versions.observe('action:a-2', v(1), ['status'])).toBe('newer');
    expect(versions.observe('action:a-1', v(5), ['progress'])).toBe('same');
    expect(versions.observe('action:a-1', v(4), ['status', 'progress'])).toBe('older-covered');
    expect(versions.observe('action:a-1', v(4), ['priority'])).toBe('older-uncovered');
    expect(versions.observe('action:a-1', v(6), ['priority'])).toBe('newer');
    expect(versions.observe('action:a-1', v(5), ['status'])).toBe('older-uncovered');
  });

  it('peek() answers as observe() would and remembers nothing', () => {
    const versions = new EntityVersions(10);
    versions.observe('action:a-1', v(5), ['status']);
    expect(versions.peek('action:a-1', v(6), ['status'])).toBe('newer');
    expect(versions.peek('action:a-1', v(5), ['progress'])).toBe('same');
    expect(versions.peek('action:a-1', v(4), ['progress'])).toBe('older-uncovered');
    expect(versions.observe('action:a-1', v(4), ['status'])).toBe('older-covered');
    expect(versions.observe('action:a-1', v(4), ['progress'])).toBe('older-uncovered');
  });

  it('treats an unreadable version as newer and remembers nothing for it', () => {
    const versions = new EntityVersions(10);
    expect(versions.observe('goal:g-1', Number.NaN, ['status'])).toBe('newer');
    expect(versions.observe('goal:g-1', v(1), ['status'])).toBe('newer');
  });

  it('forgets entities past its capacity, and on clear()', () => {
    const versions = new EntityVersions(1);
    versions.observe('a', v(5), ['x']);
    versions.observe('b', v(5), ['x']);
    expect(versions.observe('a', v(1), ['x'])).toBe('newer');
    versions.clear();
    expect(versions.observe('b', v(1), ['x'])).toBe('newer');
  });
});

describe('compareTimes / versionOf', () => {
  it('compares same-shape UTC timestamps as text and anything else by parsing', () => {
    expect(compareTimes('2026-11-27T10:00:00.000Z', '2026-11-27T10:00:00.001Z')).toBeLessThan(0);
    expect(compareTimes('2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z')).toBe(0);
    expect(compareTimes('2026-11-27T12:00:00+02:00', '2026-11-27T10:00:01Z')).toBeLessThan(0);
    expect(compareTimes('2026-11-27T10:00:01.000Z', '2026-11-27T10:00:00.000Z')).toBeGreaterThan(0);
    expect(compareTimes(undefined, '2026-11-27T10:00:00Z')).toBeNaN();
    expect(versionOf('2026-11-27T10:00:00Z')).toBe(Date.parse('2026-11-27T10:00:00Z'));
    expect(versionOf(42)).toBeNaN();
  });
});
