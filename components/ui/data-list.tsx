import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type DataListProps = ComponentProps<'ul'> & {
  /** No outer border or background, for a list inside a Card. */
  flush?: boolean;
};

/** A list of entity rows (goals, actions, issues, ...). Name it with aria-label or aria-labelledby. */
export function DataList({ flush = false, className, ...rest }: DataListProps) {
  return <ul role="list" className={cx('pp-list', flush && 'pp-list--flush', className)} {...rest} />;
}

export type DataRowProps = Omit<ComponentProps<'li'>, 'title'> & {
  /** The entity's title; give `titleHref` (or a link as title) to make the row clickable. */
  title?: ReactNode;
  /** A URL: the title becomes a link that covers the whole row. Use `renderLink` for Next's Link. */
  titleHref?: string;
  /** Renders the title link, e.g. `(p) => <Link {...p} />`, so navigation stays client-side. */
  renderLink?: (props: { href: string; className: string; children: ReactNode }) => ReactNode;
  /** Secondary line under the title: ids, owner, dates. */
  meta?: ReactNode;
  /** Right side: status pill, priority, progress, avatar, actions. */
  end?: ReactNode;
  /** Hover style even without a title link. */
  interactive?: boolean;
};

/**
 * One entity row. Every other prop (data-testid, data-state, aria-*) passes through to the <li>,
 * e.g. `<DataRow data-testid={`goal-row-${goal.id}`} title={goal.title} end={<StatusPill kind="goal" value={goal.status} />} />`.
 * Children, when given, are rendered after `end` for fully custom rows.
 */
export function DataRow({
  title,
  titleHref,
  renderLink,
  meta,
  end,
  interactive,
  className,
  children,
  ...rest
}: DataRowProps) {
  const linked = titleHref !== undefined;
  let titleNode: ReactNode = null;
  if (title !== undefined) {
    if (linked) {
      const linkProps = { href: titleHref, className: 'pp-row__title', children: title };
      titleNode = renderLink ? renderLink(linkProps) : <a {...linkProps} />;
    } else {
      titleNode = <span className="pp-row__title">{title}</span>;
    }
  }
  return (
    <li className={cx('pp-row', (linked || interactive) && 'pp-row--interactive', className)} {...rest}>
      {titleNode !== null || meta ? (
        <div className="pp-row__main">
          {titleNode}
          {meta ? <div className="pp-row__meta">{meta}</div> : null}
        </div>
      ) : null}
      {end ? <div className="pp-row__end">{end}</div> : null}
      {children}
    </li>
  );
}

export type KeyValueListProps = Omit<ComponentProps<'dl'>, 'children'> & {
  items: ReadonlyArray<{ label: ReactNode; value: ReactNode; key?: string }>;
};

/** Label / value pairs for a detail page (Owner, Status, Updated, ...). */
export function KeyValueList({ items, className, ...rest }: KeyValueListProps) {
  return (
    <dl className={cx('pp-kv', className)} {...rest}>
      {items.map((item, i) => (
        <div key={item.key ?? i} style={{ display: 'contents' }}>
          <dt className="pp-kv__label">{item.label}</dt>
          <dd className="pp-kv__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
