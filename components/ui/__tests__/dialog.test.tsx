// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { Field } from '../field';
import { Input } from '../input';

afterEach(cleanup);

function Subject() {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>New goal</Button>
      <Dialog
        open={open}
        onClose={close}
        title="Create goal"
        description="Goals group actions and measures."
        footer={
          <>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button onClick={close}>Create</Button>
          </>
        }
      >
        <Field label="Title">
          <Input />
        </Field>
      </Dialog>
    </>
  );
}

const opener = () => screen.getByRole('button', { name: 'New goal' });

describe('Dialog', () => {
  it('renders nothing inside while closed', () => {
    render(<Subject />);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByLabelText('Title')).toBeNull();
  });

  it('opens labelled and described, with focus on the first field', () => {
    render(<Subject />);
    opener().focus();
    fireEvent.click(opener());
    const dialog = screen.getByRole('dialog', { name: 'Create goal' });
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Goals group actions and measures.',
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Title'));
  });

  it('closes on Escape and gives focus back to the opener', () => {
    render(<Subject />);
    opener().focus();
    fireEvent.click(opener());
    fireEvent.keyDown(screen.getByLabelText('Title'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener());
  });

  it('closes from the close button and from the footer', () => {
    render(<Subject />);
    fireEvent.click(opener());
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(opener());
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('closes on a click on the backdrop but not on a click inside', () => {
    render(<Subject />);
    fireEvent.click(opener());
    const dialog = screen.getByRole('dialog');
    fireEvent.pointerDown(screen.getByLabelText('Title'));
    fireEvent.click(screen.getByLabelText('Title'));
    expect(screen.queryByRole('dialog')).not.toBeNull();
    fireEvent.pointerDown(dialog);
    fireEvent.click(dialog);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('traps Tab inside: from the last control to the first and back', () => {
    render(<Subject />);
    fireEvent.click(opener());
    const closeButton = screen.getByRole('button', { name: 'Close' });
    const create = screen.getByRole('button', { name: 'Create' });
    create.focus();
    fireEvent.keyDown(create, { key: 'Tab' });
    expect(document.activeElement).toBe(closeButton);
    fireEvent.keyDown(closeButton, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(create);
  });
});
