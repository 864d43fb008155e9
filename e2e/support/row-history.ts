import type { Locator } from '@playwright/test';

/** What a row shows at one moment: status, priority and progress hooks, and its text. */
export type RowState = { status: string | null; priority: string | null; progress: string | null };

/**
 * Records every distinct state a row goes through (a MutationObserver in the page), so a spec can
 * prove that a value never flickered back or that an event changed nothing at all. The row must
 * be on screen when recording starts; `values()` returns the states seen so far, first included.
 */
export async function recordRow(row: Locator): Promise<{ values(): Promise<RowState[]> }> {
  const key = `e2e-row-${Math.random().toString(36).slice(2)}`;
  await row.evaluate((el, storeKey) => {
    const read = () => ({
      status: el.getAttribute('data-status'),
      priority: el.querySelector('[data-priority]')?.getAttribute('data-priority') ?? null,
      progress: el.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null,
    });
    const seen = [read()];
    const onChange = () => {
      const next = read();
      const last = seen[seen.length - 1]!;
      if (next.status !== last.status || next.priority !== last.priority || next.progress !== last.progress)
        seen.push(next);
    };
    new MutationObserver(onChange).observe(el, {
      subtree: true,
      attributes: true,
      childList: true,
      characterData: true,
    });
    (window as unknown as Record<string, unknown>)[storeKey] = seen;
  }, key);
  return {
    values: () =>
      row.page().evaluate((storeKey) => (window as unknown as Record<string, RowState[]>)[storeKey] ?? [], key),
  };
}
