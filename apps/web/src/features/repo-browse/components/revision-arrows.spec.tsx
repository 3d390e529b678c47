import { screen } from '@testing-library/react';
import { renderWithProviders } from '../../../testing/render';
import { RevisionArrows } from './revision-arrows';

const a = 'a'.repeat(40);
const b = 'b'.repeat(40);
const c = 'c'.repeat(40);

describe('RevisionArrows', () => {
  it('links the first parent and the first child through the page URL builder', () => {
    renderWithProviders(<RevisionArrows changeset={{ parents: [a, b], children: [c] }} to={(id) => `/r/files/${id}/docs`} />);
    expect(screen.getByRole('link', { name: 'Previous revision' }).getAttribute('href')).toBe(`/r/files/${a}/docs`);
    expect(screen.getByRole('link', { name: 'Next revision' }).getAttribute('href')).toBe(`/r/files/${c}/docs`);
  });

  it('shows a missing side disabled instead of a link', () => {
    renderWithProviders(<RevisionArrows changeset={{ parents: [], children: [c] }} to={(id) => `/r/changeset/${id}`} />);
    expect(screen.queryByRole('link', { name: 'Previous revision' })).toBeNull();
    expect(screen.getByLabelText('Previous revision').getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('link', { name: 'Next revision' }).getAttribute('href')).toBe(`/r/changeset/${c}`);
  });
});
