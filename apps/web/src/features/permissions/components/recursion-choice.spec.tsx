import { fireEvent, screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { RecursionChoice } from './recursion-choice';

describe('RecursionChoice', () => {
  it('offers the four modes of permissions.md §9 with the current one checked', () => {
    renderWithProviders(<RecursionChoice value="groups" onChange={jest.fn()} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['none', 'repos', 'groups', 'all']);
    expect(radios.filter((r) => r.checked).map((r) => r.value)).toEqual(['groups']);
    expect(screen.getByRole('group', { name: 'Apply to children' })).toBeTruthy();
  });

  it('reports the picked mode', () => {
    const onChange = jest.fn();
    renderWithProviders(<RecursionChoice value="none" onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Also its repositories and sub-groups' }));
    fireEvent.click(screen.getByRole('radio', { name: 'Also its repositories' }));
    expect(onChange.mock.calls).toEqual([['all'], ['repos']]);
  });
});
