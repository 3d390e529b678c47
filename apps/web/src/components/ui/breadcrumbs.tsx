import { Link } from 'react-router';
import { useT } from '../../lib/i18n';

/** Home » group » sub-group » (last): every group of a full name links to its page. */
export function Breadcrumbs({ name, last, linkLast = false }: { name: string; last?: string; linkLast?: boolean }) {
  const t = useT();
  const segments = name.split('/');
  return (
    <span className="breadcrumbs">
      <Link to="/">{t('nav.home')}</Link>
      {segments.map((segment, i) => {
        const path = segments.slice(0, i + 1).join('/');
        const isLast = i === segments.length - 1;
        return (
          <span key={path}>
            {' » '}
            {isLast && !linkLast ? segment : <Link to={`/${path}`}>{segment}</Link>}
          </span>
        );
      })}
      {last && (
        <span>
          {' » '}
          {last}
        </span>
      )}
    </span>
  );
}
