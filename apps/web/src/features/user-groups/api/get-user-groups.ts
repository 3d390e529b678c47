import type { Page, UserGroupDto } from '@grove/shared';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { UserGroupListParams, userGroupKeys } from './user-group-keys';

export const userGroupsQueryOptions = (params: UserGroupListParams) =>
  queryOptions({
    queryKey: userGroupKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<UserGroupDto>>('/api/v1/user-groups', { ...params, admin: params.admin ? 'true' : undefined }, signal),
    placeholderData: keepPreviousData,
  });

/** User groups I may read (`admin`: administer). */
export function useUserGroups(params: UserGroupListParams) {
  return useQuery(userGroupsQueryOptions(params));
}
