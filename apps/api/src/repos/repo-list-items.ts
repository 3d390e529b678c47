import { RepoListItem } from '@grove/shared';
import { EntityManager, In } from 'typeorm';
import { User } from '../users/user.entity';
import { parseTip } from './repo-tip';
import { Repository } from './repository.entity';

/** List rows for many repositories in two queries (owners, fork parents), never one per row. */
export async function toRepoListItems(manager: EntityManager, repos: readonly Repository[]): Promise<RepoListItem[]> {
  if (!repos.length) return [];
  const ownerIds = [...new Set(repos.map((r) => r.ownerId))];
  const forkIds = [...new Set(repos.map((r) => r.forkId).filter((id): id is number => id !== null))];
  const [owners, forks] = await Promise.all([
    manager.find(User, { where: { id: In(ownerIds) }, select: { id: true, username: true } }),
    forkIds.length ? manager.find(Repository, { where: { id: In(forkIds) }, select: { id: true, name: true } }) : [],
  ]);
  const ownerName = new Map(owners.map((u) => [u.id, u.username]));
  const forkName = new Map(forks.map((f) => [f.id, f.name]));
  return repos.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.name.slice(r.name.lastIndexOf('/') + 1),
    type: r.type,
    private: r.private,
    description: r.description,
    owner: ownerName.get(r.ownerId) ?? '',
    forkOf: r.forkId !== null && forkName.has(r.forkId) ? { id: r.forkId, name: forkName.get(r.forkId)! } : null,
    state: r.state,
    updatedOn: r.updatedOn.toISOString(),
    tip: parseTip(r.changesetCache),
  }));
}

/** Full rows of `ids`, in that order. */
export async function loadInOrder(manager: EntityManager, ids: number[]): Promise<Repository[]> {
  if (!ids.length) return [];
  const rows = await manager.find(Repository, { where: { id: In(ids) } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is Repository => r !== undefined);
}
