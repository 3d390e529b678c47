import type { CreateHook, HookDto, HooksDto, UpdateHook } from '@grove/shared';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { adminKeys } from './admin-keys';

const BASE = '/api/v1/admin/hooks';

export const hooksQueryOptions = () =>
  queryOptions({
    queryKey: adminKeys.hooks(),
    queryFn: ({ signal }) => api.get<HooksDto>(BASE, undefined, signal),
  });

/** Built-in and custom hooks (super-admins only). */
export function useHooks() {
  return useQuery(hooksQueryOptions());
}

export function useCreateHook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateHook) => api.post<HookDto>(BASE, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.hooks() }),
  });
}

export function useUpdateHook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateHook & { id: number }) => api.patch<HookDto>(`${BASE}/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.hooks() }),
  });
}

export function useDeleteHook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.delete<void>(`${BASE}/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.hooks() }),
  });
}
