import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { ApiKeyForm } from './api-key-form';

function submitWith(description: string, lifetime: string) {
  fireEvent.change(screen.getByLabelText('Description'), { target: { value: description } });
  fireEvent.change(screen.getByLabelText('Lifetime'), { target: { value: lifetime } });
  fireEvent.click(screen.getByRole('button', { name: 'Create key' }));
}

describe('ApiKeyForm', () => {
  it("offers Kallithea's lifetimes, Forever first", () => {
    renderWithProviders(<ApiKeyForm submitting={false} onSubmit={jest.fn()} />);
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Forever', '5 minutes', '1 hour', '1 day', '1 month']);
    expect((screen.getByLabelText('Lifetime') as HTMLSelectElement).value).toBe('forever');
  });

  it.each([
    ['5', 5],
    ['60', 60],
    ['1440', 24 * 60],
    ['43200', 30 * 24 * 60],
  ])('lifetime %s is sent as %i minutes', (value, minutes) => {
    const onSubmit = jest.fn();
    renderWithProviders(<ApiKeyForm submitting={false} onSubmit={onSubmit} />);
    submitWith('ci', value);
    expect(onSubmit).toHaveBeenCalledWith({ description: 'ci', lifetimeMinutes: minutes });
  });

  it('forever sends no lifetime and clears the description afterwards', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<ApiKeyForm submitting={false} onSubmit={onSubmit} />);
    submitWith('deploy', 'forever');
    expect(onSubmit).toHaveBeenCalledWith({ description: 'deploy' });
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('lifetimeMinutes');
    expect((screen.getByLabelText('Description') as HTMLInputElement).value).toBe('');
  });

  it('refuses a description the server would refuse, and shows server messages', () => {
    const onSubmit = jest.fn();
    const { rerender } = renderWithProviders(<ApiKeyForm submitting={false} onSubmit={onSubmit} />);
    submitWith('x'.repeat(1001), '60');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^description: /);
    rerender(<ApiKeyForm submitting={false} serverError="Too many keys" onSubmit={onSubmit} />);
    // the client error wins while it stands; once fixed, the server's message shows
    submitWith('ok', '60');
    expect(screen.getByRole('alert').textContent).toBe('Too many keys');
  });
});
