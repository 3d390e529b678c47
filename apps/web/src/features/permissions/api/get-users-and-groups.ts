import type { UsersAndGroups } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { permissionKeys } from './permission-keys';

export type SubjectTypes = 'users' | 'groups' | 'users,groups';

export const usersAndGroupsQueryOptions = (query: string, types: SubjectTypes) =>
  queryOptions({
    queryKey: permissionKeys.usersAndGroups(query, types),
    queryFn: ({ signal }) => api.get<UsersAndGroups>('/api/v1/users-and-groups', { query, types }, signal),
    placeholderData: keepPreviousData,
  });

/** Autocomplete of active users and readable user groups; nothing is asked for an empty query. */
export function useUsersAndGroups(query: string, types: SubjectTypes) {
  return useQuery({ ...usersAndGroupsQueryOptions(query, types), enabled: query.trim().length > 0 });
}
