/** Logins (administrators) and changing one's own password. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './client';
import { meKey } from './hooks';
import type { ApiBody, ApiResponse, Me } from './types';

export type Login = ApiResponse<'/api/admin/users'>['items'][number];
export type LoginCandidate = ApiResponse<'/api/admin/users/candidates'>['items'][number];
export type NewLogin = ApiBody<'/api/admin/users', 'post'>;
export type CreatedLogin = ApiResponse<'/api/admin/users', 'post', 201>;
export type OneTimePassword = ApiResponse<'/api/admin/users/{userId}/reset-password', 'post'>;
export type PasswordChange = ApiBody<'/api/auth/password', 'post'>;

const loginsKey = ['admin', 'users'] as const;

export function useLogins() {
  return useQuery({
    queryKey: loginsKey,
    queryFn: ({ signal }) => api<ApiResponse<'/api/admin/users'>>('/api/admin/users', { signal }),
    select: (d) => d.items,
    staleTime: 0,
  });
}

export function useLoginCandidates(q: string, opts: { enabled: boolean }) {
  return useQuery({
    queryKey: [...loginsKey, 'candidates', q],
    queryFn: ({ signal }) =>
      api<ApiResponse<'/api/admin/users/candidates'>>(withQuery('/api/admin/users/candidates', { q }), { signal }),
    select: (d) => d.items,
    enabled: opts.enabled,
    placeholderData: (prev) => prev,
    staleTime: 0,
  });
}

export function useCreateLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLogin) => api<CreatedLogin>('/api/admin/users', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: loginsKey }),
  });
}

export function useResetLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) =>
      api<OneTimePassword>(`/api/admin/users/${userId}/reset-password`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: loginsKey }),
  });
}

export function useSetLoginDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: number; disabled: boolean }) =>
      api<{ username: string; disabled: boolean }>(`/api/admin/users/${userId}/${disabled ? 'disable' : 'enable'}`, {
        method: 'POST',
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: loginsKey }),
  });
}

/** Changes the signed-in user's password; their other sessions end. Queries refused before it are dropped. */
export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) =>
      api<ApiResponse<'/api/auth/password', 'post'>>('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => {
      const me = qc.getQueryData<Me | null>(meKey);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      if (me) qc.setQueryData<Me>(meKey, { ...me, mustChangePassword: false });
    },
  });
}
