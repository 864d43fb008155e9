/**
 * When the realtime devtools show: always in development; in a production build only when the URL
 * has `?realtime-devtools=1` or local storage says so. The URL flag is remembered in local storage
 * (so it survives navigation and reloads); `?realtime-devtools=0` forgets it.
 */

export const DEVTOOLS_FLAG = {
  param: 'realtime-devtools',
  storageKey: 'realtime-devtools',
} as const;

type FlagStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function devtoolsEnabled(input: { isDev: boolean; search: string; storage: FlagStorage | null }): boolean {
  const { isDev, search, storage } = input;
  const param = new URLSearchParams(search).get(DEVTOOLS_FLAG.param);
  try {
    if (param === '1') storage?.setItem(DEVTOOLS_FLAG.storageKey, '1');
    if (param === '0') storage?.removeItem(DEVTOOLS_FLAG.storageKey);
  } catch {
    // Storage can be full or blocked (private mode): the URL flag still works for this page.
  }
  if (isDev || param === '1') return true;
  if (param === '0') return false;
  try {
    return storage?.getItem(DEVTOOLS_FLAG.storageKey) === '1';
  } catch {
    return false;
  }
}

/** Reads the flag in the browser (call from an effect, never at import time or during SSR). */
export function browserDevtoolsEnabled(isDev: boolean): boolean {
  let storage: FlagStorage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return devtoolsEnabled({ isDev, search: window.location.search, storage });
}
