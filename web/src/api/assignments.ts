/** Reassignment batches (plan, transfer, review, apply) and the per-node policy, under /api/stewardship. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, withQuery } from './client';
import type { ApiResponse } from './types';

export type BatchList = ApiResponse<'/api/stewardship/batches'>;
export type BatchSummary = BatchList['rows'][number];
export type BatchDetail = ApiResponse<'/api/stewardship/batches/{id}'>;
export type ProposalRow = BatchDetail['proposals']['rows'][number];
export type UnassignedRow = BatchDetail['unassigned'][number];
export type Plan = ApiResponse<'/api/stewardship/plans', 'post', 201>;
export type Policy = ApiResponse<'/api/stewardship/policies/{orgId}'>;
export type PolicyMode = Policy['mode'];
export type AssignConflict = ApiResponse<'/api/stewardship/batches/{id}/approve', 'post', 409>;
export type Explanation = ProposalRow['explanation'][number];

/** The customers a 409 stale refusal names (and what changed for each), else null. */
export function staleCustomers(e: unknown): { customerId: string; changed: string[] }[] | null {
  if (!isApiError(e) || e.status !== 409) return null;
  const d = e.details as AssignConflict['details'] | undefined;
  return d && d.reason === 'stale' ? d.customers : null;
}

/** The RMs a 409 capacity refusal names, else null. */
export function capacityStaff(e: unknown): { staffId: string; load: number; cap: number }[] | null {
  if (!isApiError(e) || e.status !== 409) return null;
  const d = e.details as AssignConflict['details'] | undefined;
  return d && d.reason === 'capacity' ? d.staff : null;
}

const key = ['assignments'] as const;

export function useBatches(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: ({ signal }) => api<BatchList>(withQuery('/api/stewardship/batches', params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useBatch(id: string, params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'batch', id, params],
    queryFn: ({ signal }) =>
      api<BatchDetail>(withQuery(`/api/stewardship/batches/${encodeURIComponent(id)}`, params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export const batchExportUrl = (id: string) => `/api/stewardship/batches/${encodeURIComponent(id)}/export`;

export function usePlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { orgId?: string }) => api<Plan>('/api/stewardship/plans', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function useTransfer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { fromStaffId: string; orgId?: string }) =>
      api<Plan>('/api/stewardship/transfers', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
}

type Decision = ({ action: 'approve' } | { action: 'reject'; reason: string }) & { customerIds?: string[] };
/** the answer to approve (`applied`) or reject (`rejected`) */
export type Decided = { batchId: string; status: string; applied?: number; rejected?: number };

/** approve (and apply) or reject proposals of a batch; `customerIds` undefined: all pending of my subtree */
export function useDecide(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: Decision) =>
      api<Decided>(`/api/stewardship/batches/${encodeURIComponent(id)}/${v.action}`, {
        method: 'POST',
        body: v.action === 'reject' ? { customerIds: v.customerIds, reason: v.reason } : { customerIds: v.customerIds },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: key }),
  });
}

export function usePolicy(orgId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'policy', orgId],
    queryFn: ({ signal }) => api<Policy>(`/api/stewardship/policies/${encodeURIComponent(orgId!)}`, { signal }),
    enabled: !!orgId,
  });
}

export function useSetPolicy(orgId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (mode: PolicyMode) =>
      api<Policy>(`/api/stewardship/policies/${encodeURIComponent(orgId)}`, { method: 'PUT', body: { mode } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key, 'policy'] }),
  });
}
