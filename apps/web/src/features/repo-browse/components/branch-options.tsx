import type { RepoRefsResponse } from '@grove/shared';
import { useT } from '../../../lib/i18n';

/** `<option>`s for a branch selector: open branches, then closed ones after a separator (web-ui.md §2.3, §2.4). */
export function BranchOptions({ refs }: { refs: RepoRefsResponse | undefined }) {
  const t = useT();
  if (!refs) return null;
  return (
    <>
      {refs.branches.map((b) => (
        <option key={b.name} value={b.name}>
          {b.name}
        </option>
      ))}
      {refs.closedBranches.length > 0 && <option disabled>-</option>}
      {refs.closedBranches.map((b) => (
        <option key={`c-${b.name}`} value={b.name}>
          {t('changelog.closedBranch', { name: b.name })}
        </option>
      ))}
    </>
  );
}
