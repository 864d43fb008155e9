import { useId, type ComponentProps, type ReactNode } from 'react';
import { cx } from './cx';

export type SectionProps = Omit<ComponentProps<'section'>, 'title'> & {
  /** An h2, which also labels the section landmark. */
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
};

export function Section({ title, description, actions, className, children, ...rest }: SectionProps) {
  const titleId = `section${useId()}`;
  return (
    <section className={cx('pp-section', className)} aria-labelledby={titleId} {...rest}>
      <div className="pp-section__header">
        <div>
          <h2 id={titleId} className="pp-section__title">
            {title}
          </h2>
          {description ? <p className="pp-section__description">{description}</p> : null}
        </div>
        {actions ? <div className="pp-section__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}
