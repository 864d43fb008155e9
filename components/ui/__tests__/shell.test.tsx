// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppShell } from '../app-shell';
import { Avatar, initials } from '../avatar';
import { ConnectionBadge } from '../connection-badge';
import { Brand, Nav, NavLink } from '../nav';

afterEach(cleanup);

function Shell() {
  return (
    <AppShell
      brand={<Brand />}
      nav={
        <Nav>
          <NavLink href="/" active>
            Overview
          </NavLink>
          {/* Like Next's Link: client-side navigation, no document load. */}
          <NavLink href="/goals" onClick={(e) => e.preventDefault()}>
            Goals
          </NavLink>
        </Nav>
      }
      headerEnd={
        <ConnectionBadge state="live" label="Live" role="status" data-testid="realtime-status" data-state="live" />
      }
    >
      <p>Content</p>
    </AppShell>
  );
}

describe('AppShell', () => {
  it('has landmarks: main nav, banner header, main', () => {
    render(<Shell />);
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('main').textContent).toBe('Content');
    expect(screen.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Goals' }).hasAttribute('aria-current')).toBe(false);
  });

  it('opens the phone menu from its button and closes it on Escape or when a link is followed', () => {
    const { container } = render(<Shell />);
    const shell = container.querySelector('.pp-shell') as HTMLElement;
    const menu = screen.getByRole('button', { name: 'Open menu' });
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(menu);
    expect(shell.dataset.menu).toBe('open');
    expect(screen.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(shell.dataset.menu).toBe('closed');
    fireEvent.click(screen.getByRole('button', { name: 'Open menu' }));
    fireEvent.click(screen.getByRole('link', { name: 'Goals' }));
    expect(shell.dataset.menu).toBe('closed');
  });
});

describe('ConnectionBadge', () => {
  it('shows the label, colours the dot by state and passes the test hooks through', () => {
    render(<Shell />);
    const badge = screen.getByRole('status');
    expect(badge.textContent).toBe('Live');
    expect(badge.dataset.testid).toBe('realtime-status');
    expect(badge.dataset.state).toBe('live');
    expect(badge.className).toContain('pp-connection--live');
  });
});

describe('Avatar', () => {
  it.each([
    ['Ava Stone', 'AS'],
    ['cho@acme.test', 'C'],
    ['Ben', 'B'],
    ['mary-jane watson', 'MW'],
    ['', '?'],
    [null, '?'],
  ])('initials(%j) is %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('is an image named after the person unless decorative', () => {
    const { rerender } = render(<Avatar name="Ava Stone" />);
    expect(screen.getByRole('img', { name: 'Ava Stone' }).textContent).toBe('AS');
    rerender(<Avatar name="Ava Stone" decorative />);
    expect(screen.queryByRole('img')).toBeNull();
  });
});
