// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { StatusPill } from '../badge';
import { DataList, DataRow, KeyValueList } from '../data-list';
import { ProgressBar } from '../progress-bar';

afterEach(cleanup);

describe('DataRow', () => {
  it('passes data-testid and other props through to the list item', () => {
    render(
      <DataList aria-label="Goals">
        <DataRow
          data-testid="goal-row-g-3"
          data-state="fresh"
          aria-describedby="x"
          title="Q3 hiring"
          meta="Owned by Ava"
          end={<StatusPill kind="goal" value="completed" />}
        />
      </DataList>,
    );
    const row = screen.getByTestId('goal-row-g-3');
    expect(row.tagName).toBe('LI');
    expect(row.dataset.state).toBe('fresh');
    expect(row.getAttribute('aria-describedby')).toBe('x');
    expect(within(row).getByText('Q3 hiring')).toBeTruthy();
    expect(within(row).getByText('Completed')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Goals' })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('makes the title a link when given titleHref, through renderLink when given', () => {
    const seen: string[] = [];
    const renderLink = (p: { href: string; className: string; children: ReactNode }) => {
      seen.push(p.href);
      return <a data-custom="" {...p} />;
    };
    render(
      <DataList>
        <DataRow data-testid="a" title="Plain" titleHref="/goals/g-1" />
        <DataRow data-testid="b" title="Routed" titleHref="/goals/g-2" renderLink={renderLink} />
        <DataRow data-testid="c" title="Static" end={<ProgressBar value={40} />} />
      </DataList>,
    );
    expect(screen.getByRole('link', { name: 'Plain' }).getAttribute('href')).toBe('/goals/g-1');
    expect(screen.getByRole('link', { name: 'Routed' }).hasAttribute('data-custom')).toBe(true);
    expect(seen).toEqual(['/goals/g-2']);
    expect(screen.getByTestId('a').className).toContain('pp-row--interactive');
    expect(screen.getByTestId('c').className).not.toContain('pp-row--interactive');
    expect(within(screen.getByTestId('c')).getByText('40%')).toBeTruthy();
  });
});

describe('KeyValueList', () => {
  it('pairs each label with its value', () => {
    render(
      <KeyValueList
        items={[
          { label: 'Owner', value: 'Ava' },
          { label: 'Status', value: 'Active' },
        ]}
      />,
    );
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const defs = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual(['Owner', 'Status']);
    expect(defs).toEqual(['Ava', 'Active']);
  });
});
