import { fireEvent, screen, within } from '@testing-library/react';
import { installFakeFetch } from '../../../testing/fake-fetch';
import { renderWithProviders } from '../../../testing/render';
import { MemberPicker } from './member-picker';

const people = [
  { id: 2, username: 'alice', firstname: 'Alice', lastname: 'A' },
  { id: 3, username: 'bob', firstname: 'Bob', lastname: 'B' },
  { id: 4, username: 'bobby', firstname: 'Bobby', lastname: 'T' },
];

describe('MemberPicker', () => {
  let server: ReturnType<typeof installFakeFetch>;
  beforeEach(() => {
    server = installFakeFetch(({ url }) => {
      const q = url.searchParams.get('query') ?? '';
      return { body: { users: people.filter((p) => p.username.includes(q)), groups: [] } };
    });
  });
  afterEach(() => server.restore());

  const members = () => within(screen.getByRole('region', { name: 'Members' }));
  const available = () => within(screen.getByRole('region', { name: 'Add users' }));

  it('moves people between the lists and saves the new member ids', async () => {
    const onSave = jest.fn();
    renderWithProviders(<MemberPicker members={[{ ...people[0]!, active: true }]} saving={false} onSave={onSave} />);
    expect(members().getByText('alice')).toBeTruthy();
    const save = screen.getByRole('button', { name: 'Save members' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), { target: { value: 'bob' } });
    fireEvent.click(await available().findByRole('button', { name: 'Add bobby' }));
    expect(server.calls.at(-1)!.url.searchParams.get('types')).toBe('users');
    // bobby moved over: no longer offered, now listed as a member
    expect(available().queryByRole('button', { name: 'Add bobby' })).toBeNull();
    expect(available().getByRole('button', { name: 'Add bob' })).toBeTruthy();
    expect(members().getByText('bobby')).toBeTruthy();

    fireEvent.click(members().getByRole('button', { name: 'Remove alice' }));
    expect(members().queryByText('alice')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Members (1)' })).toBeTruthy();

    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledWith([4]);
  });

  it('does not offer people who are already members', async () => {
    renderWithProviders(<MemberPicker members={[{ ...people[1]!, active: true }]} saving={false} onSave={jest.fn()} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search users' }), { target: { value: 'bob' } });
    await available().findByRole('button', { name: 'Add bobby' });
    expect(available().queryByRole('button', { name: 'Add bob' })).toBeNull();
  });
});
