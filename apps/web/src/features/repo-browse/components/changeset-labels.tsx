import type { ChangesetDto } from '@grove/shared';
import { Link } from 'react-router';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';

/** Bookmarks, tags, hg obsolescence flags, phase and branch of a changeset. */
export function ChangesetLabels({ changeset, base, hideBranch = false }: { changeset: ChangesetDto; base: string; hideBranch?: boolean }) {
  const t = useT();
  const flags = (['bumped', 'divergent', 'extinct', 'unstable'] as const).filter((f) => changeset[f]);
  return (
    <span className="labels">
      {changeset.bookmarks.map((b) => (
        <span key={`b-${b}`} className="label bookmark" title={t('changelog.bookmark')}>
          {b}
        </span>
      ))}
      {changeset.tags.map((tag) => (
        <span key={`t-${tag}`} className="label tag" title={t('changelog.tag')}>
          {tag}
        </span>
      ))}
      {flags.map((f) => (
        <span key={f} className={`label obsolete ${f}`}>
          {f}
        </span>
      ))}
      {changeset.phase && changeset.phase !== 'public' && <span className="label phase">{changeset.phase}</span>}
      {!hideBranch && changeset.branch && (
        <Link className="label branch" to={repoUrls.changelog(base, { branch: changeset.branch })} title={t('changelog.branch')}>
          {changeset.branch}
        </Link>
      )}
    </span>
  );
}
