import type { ChangesetDto } from '@grove/shared';
import { Avatar } from '../../../components/ui/avatar';

/** A commit author: the local username when the e-mail maps to one, else the name, else the e-mail (§3.6). */
export function Person({ changeset }: { changeset: Pick<ChangesetDto, 'author' | 'authorName' | 'authorEmail' | 'authorUsername' | 'authorAvatarUrl'> }) {
  const label = changeset.authorUsername ?? (changeset.authorName || changeset.authorEmail || changeset.author);
  return (
    <span className="person" title={changeset.author}>
      <Avatar url={changeset.authorAvatarUrl} /> {label}
    </span>
  );
}
