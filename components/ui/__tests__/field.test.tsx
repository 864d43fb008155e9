// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field } from '../field';
import { Checkbox, Input, NumberInput, Textarea } from '../input';
import { Select } from '../select';

afterEach(cleanup);

describe('Field', () => {
  it('labels the input inside it (getByLabelText finds the input)', () => {
    render(
      <Field label="Email">
        <Input name="email" />
      </Field>,
    );
    const input = screen.getByLabelText('Email') as HTMLInputElement;
    expect(input.tagName).toBe('INPUT');
    expect(input.name).toBe('email');
    expect(screen.getByRole('textbox', { name: 'Email' })).toBe(input);
  });

  it('links hint and error with aria-describedby and marks the control invalid', () => {
    render(
      <Field label="Title" hint="Keep it short" error="Title is required">
        <Input aria-describedby="extra" />
      </Field>,
    );
    const input = screen.getByLabelText('Title');
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const described = ids.map((id) => document.getElementById(id)?.textContent);
    expect(described).toContain('Keep it short');
    expect(described).toContain('Title is required');
    expect(ids).toContain('extra');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Title is required');
  });

  it('is valid and undescribed without hint or error', () => {
    render(
      <Field label="Name" required>
        <Input />
      </Field>,
    );
    const input = screen.getByLabelText(/Name/) as HTMLInputElement;
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.required).toBe(true);
  });

  it('keeps a visually hidden label accessible', () => {
    render(
      <Field label="Status filter" hideLabel>
        <Select options={[{ value: 'open', label: 'Open' }]} placeholder="All statuses" />
      </Field>,
    );
    const select = screen.getByRole('combobox', { name: 'Status filter' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual(['All statuses', 'Open']);
  });

  it('labels Textarea and NumberInput too, and uses the given controlId', () => {
    render(
      <>
        <Field label="Description">
          <Textarea />
        </Field>
        <Field label="Value" controlId="reading-value">
          <NumberInput unit="%" />
        </Field>
      </>,
    );
    expect(screen.getByLabelText('Description').tagName).toBe('TEXTAREA');
    const number = screen.getByLabelText('Value') as HTMLInputElement;
    expect(number.id).toBe('reading-value');
    expect(number.type).toBe('number');
    expect(screen.getByText('%').getAttribute('aria-hidden')).toBe('true');
  });

  it('lets a control outside any Field be labelled directly', () => {
    render(<Input aria-label="Search goals" />);
    expect(screen.getByRole('textbox', { name: 'Search goals' }).hasAttribute('id')).toBe(false);
  });
});

describe('Checkbox', () => {
  it('is labelled by its text and toggles from it', () => {
    render(<Checkbox label="Show completed" />);
    const box = screen.getByRole('checkbox', { name: 'Show completed' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    screen.getByText('Show completed').click();
    expect(box.checked).toBe(true);
  });
});
