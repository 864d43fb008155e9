import { describe, expect, it, vi } from 'vitest';
import type { DomainEvent } from '@/lib/protocol';
import { createEventBus } from '../runtime';

const event = (type: DomainEvent['type']) => ({ type, timestamp: '2030-01-01T00:00:00.000Z', data: {} }) as DomainEvent;

describe('event bus', () => {
  it('delivers by type and to "*", and stops after unsubscribe', () => {
    const bus = createEventBus(vi.fn());
    const typed = vi.fn();
    const all = vi.fn();
    const offTyped = bus.subscribe('goal.completed', typed);
    bus.subscribe('*', all);
    bus.emit(event('goal.completed'));
    bus.emit(event('issue.created'));
    expect(typed).toHaveBeenCalledTimes(1);
    expect(all).toHaveBeenCalledTimes(2);
    offTyped();
    offTyped();
    bus.emit(event('goal.completed'));
    expect(typed).toHaveBeenCalledTimes(1);
  });

  it('reports a throwing handler and still calls the rest', () => {
    const onError = vi.fn();
    const bus = createEventBus(onError);
    const after = vi.fn();
    bus.subscribe('*', () => {
      throw new Error('boom');
    });
    bus.subscribe('*', after);
    const e = event('goal.created');
    bus.emit(e);
    expect(after).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }), e);
  });

  it('keeps a re-subscribed handler set when an old unsubscribe runs late', () => {
    const bus = createEventBus(vi.fn());
    const first = vi.fn();
    const second = vi.fn();
    const off = bus.subscribe('goal.created', first);
    off();
    bus.subscribe('goal.created', second);
    off();
    bus.emit(event('goal.created'));
    expect(second).toHaveBeenCalledTimes(1);
    expect(first).not.toHaveBeenCalled();
  });
});
