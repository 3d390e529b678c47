import type { PermissionEntry, RecursionMode } from '@grove/shared';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { PermissionChange, PermissionEditor, permissionChanges } from './permission-editor';

const entries: PermissionEntry[] = [
  { subject: { type: 'user_group', id: 7, name: 'devs', active: false }, permission: 'repository.write' },
  { subject: { type: 'user', id: 3, name: 'bob', isDefault: false }, permission: 'repository.read' },
  { subject: { type: 'user', id: 1, name: 'default', isDefault: true }, permission: 'repository.read' },
];

const ok = () => Promise.resolve();
const saver = () => jest.fn((_changes: PermissionChange[], _recursive: RecursionMode) => Promise.resolve());

function rowOf(name: string) {
  return screen.getAllByRole('row').find((row) => within(row).queryByText(name, { exact: true }))!;
}

describe('PermissionEditor', () => {
  it('shows default first, then users, then groups, each with its level checked; default cannot be revoked', () => {
    renderWithProviders(<PermissionEditor family="repository" entries={entries} onSave={ok} onRevoke={ok} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-subject'))).toEqual(['user:1', 'user:3', 'user_group:7']);
    expect((screen.getByRole('radio', { name: 'Read for default' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Read for bob' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('radio', { name: 'Write for devs' }) as HTMLInputElement).checked).toBe(true);
    expect(within(rowOf('devs')).getByText('inactive')).toBeTruthy();
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke bob' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('hides the default row of a private repository', () => {
    renderWithProviders(<PermissionEditor family="repository" entries={entries} hideDefault onSave={ok} onRevoke={ok} />);
    expect(screen.queryByRole('radio', { name: 'Read for default' })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Read for bob' })).toBeTruthy();
  });

  it('saves only the rows whose level changed, as permission names of its family', async () => {
    const onSave = saver();
    renderWithProviders(<PermissionEditor family="group" entries={entries.map((e) => ({ ...e, permission: e.permission.replace('repository', 'group') }))} onSave={onSave} onRevoke={ok} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Admin for bob' }));
    fireEvent.click(screen.getByRole('radio', { name: 'None for default' }));
    // changed and changed back: nothing to send for devs
    fireEvent.click(screen.getByRole('radio', { name: 'Read for devs' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Write for devs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]![0]).toEqual([
      { subject: { type: 'user', id: 3, name: 'bob' }, permission: 'group.admin' },
      { subject: { type: 'user', id: 1, name: 'default' }, permission: 'group.none' },
    ]);
    expect(onSave.mock.calls[0]![1]).toBe('none');
  });

  it('keeps the draft and shows the server message when saving fails', async () => {
    const onSave = jest.fn((_changes: PermissionChange[], _recursive: RecursionMode) => Promise.reject(new Error('You cannot change your own permission on this group')));
    renderWithProviders(<PermissionEditor family="repository" entries={entries} onSave={onSave} onRevoke={ok} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Write for bob' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot change your own permission on this group');
    expect((screen.getByRole('radio', { name: 'Write for bob' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('revokes a row with the chosen recursion', async () => {
    const onRevoke = jest.fn((_subject: unknown, _recursive: RecursionMode) => Promise.resolve());
    renderWithProviders(
      <PermissionEditor
        family="group"
        entries={entries.map((e) => ({ ...e, permission: e.permission.replace('repository', 'group') }))}
        withRecursion
        onSave={ok}
        onRevoke={onRevoke}
      />,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Also its repositories' }));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke devs' }));
    await waitFor(() => expect(onRevoke).toHaveBeenCalledWith({ type: 'user_group', id: 7, name: 'devs' }, 'repos'));
  });

  it('applying to children sends every row, changed or not', async () => {
    const onSave = saver();
    const groupEntries = entries.map((e) => ({ ...e, permission: e.permission.replace('repository', 'group') }));
    renderWithProviders(<PermissionEditor family="group" entries={groupEntries} withRecursion onSave={onSave} onRevoke={ok} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Also its repositories and sub-groups' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(onSave.mock.calls[0]![1]).toBe('all');
    expect(onSave.mock.calls[0]![0].map((c) => `${c.subject.name}=${c.permission}`).sort()).toEqual([
      'bob=group.read',
      'default=group.read',
      'devs=group.write',
    ]);
  });

  describe('adding rows through the autocomplete', () => {
    let server: ReturnType<typeof installFakeFetch>;
    beforeEach(() => {
      server = installFakeFetch(({ url }) =>
        url.pathname === '/api/v1/users-and-groups'
          ? {
              body: {
                users: [
                  { id: 3, username: 'bob', firstname: 'Bob', lastname: 'B' },
                  { id: 9, username: 'carol', firstname: 'Carol', lastname: 'C' },
                ],
                groups: [{ id: 7, name: 'devs' }],
              },
            }
          : { status: 404, body: { message: 'no' } },
      );
    });
    afterEach(() => server.restore());

    it('offers only subjects without a row, adds the picked one at Read, and saves it', async () => {
      const onSave = saver();
      renderWithProviders(<PermissionEditor family="repository" entries={entries} onSave={onSave} onRevoke={ok} />);
      const input = screen.getByRole('combobox', { name: 'Add user or user group' });
      fireEvent.change(input, { target: { value: 'o' } });
      const option = await screen.findByRole('option', { name: /carol/ });
      // bob (user) and devs (group) already have rows
      expect(screen.getAllByRole('option')).toHaveLength(1);
      expect(server.calls.at(-1)!.url.searchParams.get('query')).toBe('o');
      expect(server.calls.at(-1)!.url.searchParams.get('types')).toBe('users,groups');
      fireEvent.click(option);
      expect((screen.getByRole('radio', { name: 'Read for carol' }) as HTMLInputElement).checked).toBe(true);
      fireEvent.click(screen.getByRole('radio', { name: 'Write for carol' }));
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'Save' }));
      });
      expect(onSave.mock.calls[0]![0]).toEqual([{ subject: { type: 'user', id: 9, name: 'carol' }, permission: 'repository.write' }]);
      // saved: the added row is gone (the parent shows the new entries)
      expect(screen.queryByRole('radio', { name: 'Write for carol' })).toBeNull();
    });
  });
});

describe('permissionChanges', () => {
  it('ignores levels set back to what is stored, and unknown stored names count as none', () => {
    const stored: PermissionEntry[] = [{ subject: { type: 'user', id: 5, name: 'eve', isDefault: false }, permission: 'group.read' }];
    expect(permissionChanges('repository', stored, new Map([['user:5', 'none']]), [])).toEqual([]);
    expect(permissionChanges('repository', stored, new Map([['user:5', 'read']]), [])).toEqual([
      { subject: { type: 'user', id: 5, name: 'eve' }, permission: 'repository.read' },
    ]);
  });
});

describe('PermissionEditor with rows the viewer may not change', () => {
  it('shows them read-only and leaves them out, also when applying to children', async () => {
    const onSave = jest.fn((_changes: PermissionChange[], _recursive: RecursionMode) => Promise.resolve());
    const groupEntries: PermissionEntry[] = [
      { subject: { type: 'user', id: 1, name: 'default', isDefault: true }, permission: 'group.read' },
      { subject: { type: 'user', id: 3, name: 'bob', isDefault: false }, permission: 'group.admin' },
      { subject: { type: 'user', id: 4, name: 'carol', isDefault: false }, permission: 'group.write' },
    ];
    renderWithProviders(
      <PermissionEditor family="group" entries={groupEntries} withRecursion canChange={(s) => !(s.type === 'user' && s.id === 3)} onSave={onSave} onRevoke={ok} />,
    );
    expect((screen.getByRole('radio', { name: 'None for bob' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Revoke bob' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Revoke carol' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Also its repositories' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByRole('status');
    expect(onSave.mock.calls[0]![0].map((c) => c.subject.name)).toEqual(['default', 'carol']);
    expect(onSave.mock.calls[0]![1]).toBe('repos');
  });
});
