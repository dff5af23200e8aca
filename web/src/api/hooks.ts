import { QueryClient, QueryCache, MutationCache, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, isApiError, isUnauthorized, withQuery } from './client';
import type {
  Customer360,
  CustomerPage,
  CustomerQuery,
  CustomerSummary,
  Me,
  OrgNode,
  RevealResult,
  Role,
  StaffItem,
} from './types';

export const meKey = ['me'] as const;

/** The server's answer to anything but changing a one-time password (PASSWORD_CHANGE_REQUIRED). */
export const mustChangePassword = (e: unknown): boolean => isApiError(e) && e.code === 'PASSWORD_CHANGE_REQUIRED';

/** Query client: no retries on 4xx, and any 401 drops the session so the app shows the login page. */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (isUnauthorized(err) && query.queryKey[0] !== meKey[0]) client.setQueryData(meKey, null);
        // a one-time password opens nothing but changing it: the session says so, and the app goes there
        if (mustChangePassword(err)) void client.invalidateQueries({ queryKey: meKey });
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (isUnauthorized(err) && mutation.options.mutationKey?.[0] !== 'login') client.setQueryData(meKey, null);
        if (mustChangePassword(err)) void client.invalidateQueries({ queryKey: meKey });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
    },
  });
  return client;
}

/** The signed-in user, or null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Me>('/api/me', { signal });
      } catch (e) {
        if (isUnauthorized(e)) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['login'],
    mutationFn: (body: { username: string; password: string }) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: ['logout'],
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

export function useCustomers(query: CustomerQuery, opts?: { enabled?: boolean }) {
  return useQuery({
    queryKey: ['customers', query],
    queryFn: ({ signal }) => api<CustomerPage>(withQuery('/api/customers', { ...query }), { signal }),
    // No placeholder data: rows and the total on screen always belong to the current filters.
    enabled: opts?.enabled ?? true,
  });
}

/** Counts and AUM per tier, near-threshold bands and coverage, in one request. */
export function useCustomerSummary(scope: Pick<CustomerQuery, 'orgId' | 'rmId'>, opts?: { enabled?: boolean }) {
  return useQuery({
    queryKey: ['customers', 'summary', scope],
    queryFn: ({ signal }) => api<CustomerSummary>(withQuery('/api/customers/summary', { ...scope }), { signal }),
    enabled: opts?.enabled ?? true,
    staleTime: 60_000,
  });
}

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customer', id],
    queryFn: ({ signal }) => api<Customer360>(`/api/customers/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useReveal(id: string) {
  return useMutation({
    mutationKey: ['reveal', id],
    mutationFn: (reason: string) =>
      api<RevealResult>(`/api/customers/${encodeURIComponent(id)}/reveal`, { method: 'POST', body: { reason } }),
  });
}

export function useOrgTree(opts?: { enabled?: boolean }) {
  return useQuery({
    queryKey: ['org', 'tree'],
    queryFn: ({ signal }) => api<{ nodes: OrgNode[] }>('/api/org/tree', { signal }),
    select: (d) => d.nodes,
    staleTime: 5 * 60_000,
    enabled: opts?.enabled ?? true,
  });
}

export function useStaff(params: { orgId?: string; role?: Role }, opts?: { enabled?: boolean }) {
  return useQuery({
    queryKey: ['staff', params],
    queryFn: ({ signal }) => api<{ items: StaffItem[] }>(withQuery('/api/staff', params), { signal }),
    select: (d) => d.items,
    staleTime: 5 * 60_000,
    enabled: opts?.enabled ?? true,
  });
}
