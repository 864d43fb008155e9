import type { SVGProps } from 'react';

export type IconProps = SVGProps<SVGSVGElement>;

/** 16-px stroke icons, decorative by default (aria-hidden); give `aria-label` + `role="img"` to make one meaningful. */
function make(name: string, paths: string[]) {
  function Icon({ className, ...rest }: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden={rest['aria-label'] ? undefined : true}
        focusable="false"
        className={className ? `pp-icon ${className}` : 'pp-icon'}
        {...rest}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  Icon.displayName = `Icon(${name})`;
  return Icon;
}

export const IconMenu = make('menu', ['M4 6h16', 'M4 12h16', 'M4 18h16']);
export const IconClose = make('close', ['M18 6 6 18', 'M6 6l12 12']);
export const IconPlus = make('plus', ['M12 5v14', 'M5 12h14']);
export const IconCheck = make('check', ['M20 6 9 17l-5-5']);
export const IconChevronDown = make('chevron-down', ['m6 9 6 6 6-6']);
export const IconChevronRight = make('chevron-right', ['m9 18 6-6-6-6']);
export const IconRetry = make('retry', ['M21 12a9 9 0 1 1-3-6.7L21 8', 'M21 3v5h-5']);
export const IconAlert = make('alert', [
  'M12 9v4',
  'M12 17h.01',
  'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z',
]);
export const IconInfo = make('info', ['M12 16v-4', 'M12 8h.01', 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Z']);
export const IconInbox = make('inbox', [
  'M22 12h-6l-2 3h-4l-2-3H2',
  'M5.5 5.1 2 12v6a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2v-6l-3.5-6.9A2 2 0 0 0 16.8 4H7.2a2 2 0 0 0-1.7 1.1Z',
]);
export const IconSearch = make('search', ['m21 21-4.3-4.3', 'M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z']);
export const IconHome = make('home', ['M3 10.5 12 3l9 7.5', 'M5 9.5V20h14V9.5']);
export const IconTarget = make('target', [
  'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Z',
  'M12 18a6 6 0 1 0 0-12 6 6 0 0 0 0 12Z',
  'M12 14a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z',
]);
export const IconListChecks = make('list-checks', ['m3 7 2 2 4-4', 'm3 17 2 2 4-4', 'M13 6h8', 'M13 12h8', 'M13 18h8']);
export const IconGauge = make('gauge', ['m12 14 4-4', 'M3.3 19a10 10 0 1 1 17.4 0']);
export const IconCircleDot = make('circle-dot', [
  'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Z',
  'M12 13a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z',
]);
export const IconScale = make('scale', [
  'M12 3v18',
  'M7 21h10',
  'M3 7h18',
  'm6 7-3 7a3 3 0 0 0 6 0Z',
  'm18 7-3 7a3 3 0 0 0 6 0Z',
]);
export const IconPaperclip = make('paperclip', [
  'm21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5',
]);
export const IconLogOut = make('log-out', ['M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4', 'm16 17 5-5-5-5', 'M21 12H9']);
export const IconMore = make('more', ['M5 12h.01', 'M12 12h.01', 'M19 12h.01']);
