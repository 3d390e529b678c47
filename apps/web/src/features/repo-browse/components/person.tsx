import type { ChangesetDto } from '@grove/shared';

/** A commit author: the local username when the e-mail maps to one, else the name, else the e-mail (§3.6). */
export function Person({ changeset }: { changeset: Pick<ChangesetDto, 'author' | 'authorName' | 'authorEmail' | 'authorUsername'> }) {
  const label = changeset.authorUsername ?? (changeset.authorName || changeset.authorEmail || changeset.author);
  return (
    <span className="person" title={changeset.author}>
      {label}
    </span>
  );
}
