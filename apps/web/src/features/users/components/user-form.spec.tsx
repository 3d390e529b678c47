import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { UserForm } from './user-form';

function fill(name: string, value: string) {
  fireEvent.change(document.querySelector(`input[name="${name}"]`)!, { target: { value } });
}

describe('UserForm', () => {
  it('refuses mismatched passwords without submitting', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<UserForm submitting={false} onSubmit={onSubmit} />);
    fill('username', 'carol');
    fill('email', 'carol@example.com');
    fill('password', 'secret-1');
    fill('passwordConfirm', 'secret-2');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('alert').textContent).toBe('The passwords do not match');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('names the bad field using the shared schema', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<UserForm submitting={false} onSubmit={onSubmit} />);
    fill('username', 'carol');
    fill('email', 'not-an-email');
    fill('password', 'secret-1');
    fill('passwordConfirm', 'secret-1');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^email:/);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits normalised values without the confirmation field', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<UserForm submitting={false} onSubmit={onSubmit} />);
    fill('username', 'carol');
    fill('email', 'Carol@Example.com');
    fill('password', 'secret-1');
    fill('passwordConfirm', 'secret-1');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ username: 'carol', email: 'carol@example.com', password: 'secret-1', active: true }));
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('passwordConfirm');
  });

  it('editing without a new password leaves the password out', () => {
    const onSubmit = jest.fn();
    const user = {
      id: 3,
      username: 'dave',
      firstname: 'Dave',
      lastname: 'D',
      email: 'dave@example.com',
      active: true,
      admin: false,
      externType: 'internal',
      lastLogin: null,
      createdOn: new Date().toISOString(),
    };
    renderWithProviders(<UserForm user={user} submitting={false} onSubmit={onSubmit} />);
    fireEvent.click(document.querySelector('input[name="active"]')!);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ active: false }));
    expect(onSubmit.mock.calls[0][0]).not.toHaveProperty('password');
  });
});
