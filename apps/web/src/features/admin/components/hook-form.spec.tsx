import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { HookForm } from './hook-form';

function fill(key: string, value: string) {
  fireEvent.change(screen.getByLabelText('Hook (type.name)'), { target: { value: key } });
  fireEvent.change(screen.getByLabelText('Command'), { target: { value: value } });
  fireEvent.click(screen.getByRole('button', { name: 'Add hook' }));
}

describe('HookForm', () => {
  it('sends a push hook and clears itself when asked to', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<HookForm submitLabel="Add hook" submitting={false} clearOnSubmit onSubmit={onSubmit} />);
    fireEvent.click(screen.getByLabelText('Active'));
    fill('changegroup.notify', ' /usr/local/bin/notify ');
    expect(onSubmit).toHaveBeenCalledWith({ key: 'changegroup.notify', value: '/usr/local/bin/notify', active: false });
    expect((screen.getByLabelText('Command') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('Active') as HTMLInputElement).checked).toBe(true);
  });

  it.each([
    ['pretxnchangegroup.check', 'true', /pre-hooks cannot refuse a push/],
    ['changegroup.update', 'true', /built-in/],
    ['changegroup.py', 'python:x.y', /Python hooks/],
    ['notify', 'true', /<hook type>\.<name>/],
    ['changegroup.x', '', /required/],
  ])('refuses %s = %s before sending it', (key, value, message) => {
    const onSubmit = jest.fn();
    renderWithProviders(<HookForm submitLabel="Add hook" submitting={false} onSubmit={onSubmit} />);
    fill(key, value);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(message);
  });

  it('edits an existing hook and shows server messages', () => {
    const onSubmit = jest.fn();
    renderWithProviders(
      <HookForm initial={{ key: 'incoming.log', value: 'logger x', active: true }} submitLabel="Add hook" submitting={false} serverError="A hook named incoming.log already exists" onSubmit={onSubmit} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('A hook named incoming.log already exists');
    fireEvent.change(screen.getByLabelText('Command'), { target: { value: 'logger y' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add hook' }));
    expect(onSubmit).toHaveBeenCalledWith({ key: 'incoming.log', value: 'logger y', active: true });
  });
});
