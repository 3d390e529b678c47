import type { ChangesetDto } from '@grove/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';

/**
 * Previous/next revision arrows (first parent, first child) of the changeset a page shows; `to`
 * builds the same page at the other revision. A missing side is shown disabled.
 */
export function RevisionArrows({ changeset, to }: { changeset: Pick<ChangesetDto, 'parents' | 'children'>; to: (rawId: string) => string }) {
  const t = useT();
  const prev = changeset.parents[0];
  const next = changeset.children[0];
  return (
    <span className="revision-arrows">
      {prev ? (
        <Link to={to(prev)} rel="prev" aria-label={t('browse.prevRevision')} title={prev.slice(0, 12)}>
          ‹
        </Link>
      ) : (
        <span className="disabled" aria-label={t('browse.prevRevision')} aria-disabled="true">
          ‹
        </span>
      )}{' '}
      {next ? (
        <Link to={to(next)} rel="next" aria-label={t('browse.nextRevision')} title={next.slice(0, 12)}>
          ›
        </Link>
      ) : (
        <span className="disabled" aria-label={t('browse.nextRevision')} aria-disabled="true">
          ›
        </span>
      )}
    </span>
  );
}
