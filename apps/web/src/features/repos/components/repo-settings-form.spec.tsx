import type { RepoDetail } from '@grove/shared';
import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { landingChoicesOf, RepoSettingsForm } from './repo-settings-form';

const repo: RepoDetail = {
  id: 12,
  name: 'team/hello',
  shortName: 'hello',
  type: 'git',
  private: false,
  description: 'Hello',
  owner: 'alice',
  forkOf: null,
  state: 'repo_state_created',
  updatedOn: new Date().toISOString(),
  tip: null,
  landingRevision: 'rev:tip',
  enableStatistics: false,
  enableDownloads: true,
  cloneUri: 'https://bob:*****@example.com/hello',
  createdOn: new Date().toISOString(),
  group: { id: 2, name: 'team' },
  followers: 1,
  forks: 0,
  following: false,
  inPublicJournal: false,
  fields: [{ key: 'ticket', label: 'Ticket', description: '', type: 'str', value: 'T-1' }],
  permission: 'repository.admin',
};

const locations = [
  { id: null, name: '' },
  { id: 2, name: 'team' },
  { id: 3, name: 'team/tools' },
];

const input = (name: string) => document.querySelector(`[name="${name}"]`) as HTMLInputElement;

describe('RepoSettingsForm', () => {
  it('sends only what changed (never the remote URL with its hidden password)', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<RepoSettingsForm repo={repo} locations={locations} submitting={false} onSubmit={onSubmit} />);
    fireEvent.click(input('private'));
    fireEvent.change(input('ex_ticket'), { target: { value: 'T-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ private: true, fields: { ticket: 'T-2' } });
  });

  it('renames and moves by name and group, slugified as Kallithea does', () => {
    const onSubmit = jest.fn();
    renderWithProviders(<RepoSettingsForm repo={repo} locations={locations} submitting={false} onSubmit={onSubmit} />);
    fireEvent.change(input('name'), { target: { value: 'Hello World!' } });
    fireEvent.change(input('group'), { target: { value: 'team/tools' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // slug rule of web-ui.md §0 / slugifyName: specials → '-', trimmed at the ends
    expect(onSubmit).toHaveBeenCalledWith({ name: 'team/tools/Hello-World' });
  });

  it('offers the refs as landing revisions; clearing the remote URL removes it', () => {
    const onSubmit = jest.fn();
    const choices = landingChoicesOf({ branches: [{ name: 'default' }], bookmarks: [{ name: 'feature' }], tags: [{ name: 'v1.0' }] });
    renderWithProviders(<RepoSettingsForm repo={repo} locations={locations} landingChoices={choices} submitting={false} onSubmit={onSubmit} />);
    const options = [...(input('landingRevision') as unknown as HTMLSelectElement).options].map((o) => o.value);
    expect(options).toEqual(['rev:tip', 'branch:default', 'book:feature', 'tag:v1.0']);
    fireEvent.change(input('landingRevision'), { target: { value: 'branch:default' } });
    fireEvent.change(input('cloneUri'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledWith({ landingRevision: 'branch:default', cloneUri: null });
  });
});
