import type { ComponentProps, ReactNode } from 'react';
import { cx } from './cx';

export type CardProps = ComponentProps<'div'> & {
  /** `md` (16 px) by default; `none` when the card holds a CardHeader/CardBody or a flush list. */
  padding?: 'none' | 'md' | 'lg';
  /** Renders as a <section> or <article> instead of a <div>. */
  as?: 'div' | 'section' | 'article';
};

export function Card({ padding = 'md', as: Tag = 'div', className, ...rest }: CardProps) {
  return (
    <Tag
      className={cx('pp-card', padding === 'md' && 'pp-card--pad', padding === 'lg' && 'pp-card--pad-lg', className)}
      {...rest}
    />
  );
}

export type CardHeaderProps = Omit<ComponentProps<'div'>, 'title'> & {
  title: ReactNode;
  /** Heading level of the title; h3 by default. */
  level?: 2 | 3 | 4;
  actions?: ReactNode;
};

export function CardHeader({ title, level = 3, actions, className, ...rest }: CardHeaderProps) {
  const Heading = `h${level}` as const;
  return (
    <div className={cx('pp-card__header', className)} {...rest}>
      <Heading className="pp-card__title">{title}</Heading>
      {actions}
    </div>
  );
}

export function CardBody({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={cx('pp-card__body', className)} {...rest} />;
}

export function CardFooter({ className, ...rest }: ComponentProps<'div'>) {
  return <div className={cx('pp-card__footer', className)} {...rest} />;
}
