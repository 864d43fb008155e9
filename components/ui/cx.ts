/** Joins class names, skipping falsy parts: `cx('pp-btn', primary && 'pp-btn--primary')`. */
export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
