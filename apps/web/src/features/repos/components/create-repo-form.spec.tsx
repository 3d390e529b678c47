import type { SiteSettings } from '@grove/shared';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { CreateRepoForm } from './create-repo-form';

const locations = [
  { id: null, name: '' },
  { id: 4, name: 'team' },
];
const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;

describe('CreateRepoForm', () => {
  it('creates inside the preselected group with a slugified name; "site default" leaves the type to the server', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<CreateRepoForm locations={locations} initialGroup="team" submitting={false} onSubmit={onSubmit} />);
    expect(input('group').value).toBe('team');
    fireEvent.change(input('name'), { target: { value: 'my tool' } });
    fireEvent.click(input('private'));
    fireEvent.click(input('copyPermissions'));
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'team/my-tool', private: true, landingRevision: 'rev:tip', copyPermissions: true });
  });

  it("super-admins start from the site's repository defaults", () => {
    const onSubmit = jest.fn();
    const defaults = { defaultRepoType: 'git', defaultRepoPrivate: true } as SiteSettings;
    renderWithProviders(<CreateRepoForm locations={locations} initialGroup="" defaults={defaults} submitting={false} onSubmit={onSubmit} />);
    expect(screen.queryByRole('option', { name: 'Site default' })).toBeNull();
    expect(input('private').checked).toBe(true);
    // copying a parent's permissions means nothing at the top level
    expect(input('copyPermissions').disabled).toBe(true);
    fireEvent.change(input('name'), { target: { value: 'tool' } });
    fireEvent.change(input('cloneUri'), { target: { value: ' https://example.com/x.git ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'tool',
      type: 'git',
      private: true,
      landingRevision: 'rev:tip',
      cloneUri: 'https://example.com/x.git',
      copyPermissions: false,
    });
  });

  it('refuses names that are nothing after slugging', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<CreateRepoForm locations={locations} initialGroup="" submitting={false} onSubmit={onSubmit} />);
    fireEvent.change(input('name'), { target: { value: '???' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/^Name: /);
  });
});
