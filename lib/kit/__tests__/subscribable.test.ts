import { describe, expect, it, vi } from 'vitest';
import { Subscribable, Topics } from '../subscribable';

describe('Subscribable', () => {
  it('calls every listener of the moment once, with the arguments, and stops after unsubscribe', () => {
    const store = new Subscribable<(n: number) => void>();
    const a = vi.fn();
    const b = vi.fn();
    const offA = store.subscribe(a);
    store.subscribe(b);
    store.notify(1);
    offA();
    store.notify(2);
    expect(a.mock.calls).toEqual([[1]]);
    expect(b.mock.calls).toEqual([[1], [2]]);
  });

  it('a listener that unsubscribes another during notify does not stop it hearing this notification', () => {
    const store = new Subscribable();
    const calls: string[] = [];
    let offSecond = () => {};
    store.subscribe(() => {
      calls.push('first');
      offSecond();
    });
    offSecond = store.subscribe(() => calls.push('second'));
    store.notify();
    store.notify();
    expect(calls).toEqual(['first', 'second', 'first']);
  });

  it('subscribe is bound (it can be passed around on its own) and hasListeners follows the set', () => {
    const store = new Subscribable();
    const { subscribe } = store;
    expect(store.hasListeners()).toBe(false);
    const off = subscribe(() => {});
    expect(store.hasListeners()).toBe(true);
    off();
    expect(store.hasListeners()).toBe(false);
  });
});

describe('Topics', () => {
  it('tells only the topic’s listeners and forgets a topic once its last listener leaves', () => {
    const topics = new Topics<string>();
    const a = vi.fn();
    const b = vi.fn();
    const offA = topics.subscribe('a', a);
    topics.subscribe('b', b);
    topics.notify('a');
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).not.toHaveBeenCalled();
    offA();
    topics.notify('a');
    expect(a).toHaveBeenCalledTimes(1);
    const again = vi.fn();
    topics.subscribe('a', again);
    topics.notify('a');
    expect(again).toHaveBeenCalledTimes(1);
  });
});
