import { Link, useSearchParams } from 'react-router';
import { Age } from '../../../components/ui/age';
import { Avatar } from '../../../components/ui/avatar';
import { Pager } from '../../../components/ui/pager';
import { QueryState } from '../../../components/ui/query-state';
import { useFollowers, useForks } from '../../../features/repo-browse/api/browse-api';
import { useRepoContext } from '../../../features/repo-browse/repo-context';
import { useT } from '../../../lib/i18n';
import { repoUrls } from '../../../lib/repo-paths';

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`.trim();

/** `/{repo}/forks`: forks I may read, 20 a page, each with "Compare Fork". */
export function ForksPage() {
  const t = useT();
  const { ref, base } = useRepoContext();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const forks = useForks(ref, page);
  return (
    <QueryState query={forks}>
      {(data) => (
        <section>
          <h2>{t('browse.forks')}</h2>
          {data.items.length === 0 && <p>{t('forks.none')}</p>}
          <ul className="people">
            {data.items.map((f) => (
              <li key={f.id}>
                <Avatar url={f.owner.avatarUrl} size={24} /> {f.owner.username} ({fullName(f.owner)}) — <Link to={`/${f.name}`}>{f.name}</Link> {f.description} · {t('forks.forked')} <Age date={f.createdOn} />{' '}
                <Link className="button" to={repoUrls.compare(base) + `?other_repo=${encodeURIComponent(f.name)}&merge=1`}>
                  {t('forks.compare')}
                </Link>
              </li>
            ))}
          </ul>
          <Pager page={page} size={data.size} total={data.total} onPage={(p) => setParams({ page: String(p) })} />
        </section>
      )}
    </QueryState>
  );
}

/** `/{repo}/followers`: oldest first, 20 a page. */
export function FollowersPage() {
  const t = useT();
  const { ref } = useRepoContext();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  const followers = useFollowers(ref, page);
  return (
    <QueryState query={followers}>
      {(data) => (
        <section>
          <h2>{t('browse.followers')}</h2>
          {data.items.length === 0 && <p>{t('followers.none')}</p>}
          <ul className="people" data-testid="followers">
            {data.items.map((f) => (
              <li key={f.username}>
                <Avatar url={f.avatarUrl} size={24} /> {f.username} ({fullName(f)}) · {t('followers.since')} <Age date={f.since} />
              </li>
            ))}
          </ul>
          <Pager page={page} size={data.size} total={data.total} onPage={(p) => setParams({ page: String(p) })} />
        </section>
      )}
    </QueryState>
  );
}
