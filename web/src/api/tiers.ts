/** Tier dashboard, near-threshold lists, tier settings and the admin pipeline views. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, withQuery } from './client';
import type { ApiBody, ApiResponse, Band } from './types';

export { BANDS, type Band } from './types';

export type TierDashboard = ApiResponse<'/api/tiers/dashboard'>;
export type TierFigures = TierDashboard['tiers'][number];
export type OrgRef = TierDashboard['org'];
export type PerTier = TierDashboard['trend'][number]['customers'];

export type NearThresholdPage = ApiResponse<'/api/tiers/near-threshold'>;
export type NearThresholdItem = NearThresholdPage['items'][number];

export type TierSettings = ApiResponse<'/api/settings/tiers'>;
/** What a save sends: the settings and the version they were read at. */
export type TierSettingsInput = ApiBody<'/api/settings/tiers', 'put'>;
/** The 409 answer to a save made from a version that is no longer current. */
export type SettingsConflict = ApiResponse<'/api/settings/tiers', 'put', 409>;

/** The version now in force when `e` is a refused stale save, else null. */
export function conflictVersion(e: unknown): number | null {
  if (!isApiError(e) || e.status !== 409) return null;
  const d = e.details as SettingsConflict['details'] | undefined;
  return typeof d?.currentVersion === 'number' ? d.currentVersion : null;
}

export type ImportPage = ApiResponse<'/api/admin/imports'>;
export type ImportFile = ImportPage['items'][number];
export type BatchRun = ApiResponse<'/api/admin/batch-runs'>['items'][number];

export function useTierDashboard(params: { orgId?: string; date?: string }) {
  return useQuery({
    queryKey: ['tiers', 'dashboard', params],
    queryFn: ({ signal }) => api<TierDashboard>(withQuery('/api/tiers/dashboard', params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useNearThreshold(params: { band: Band; orgId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['tiers', 'near', params],
    queryFn: ({ signal }) => api<NearThresholdPage>(withQuery('/api/tiers/near-threshold', params), { signal }),
  });
}

export const nearExportUrl = (params: { band: Band; orgId?: string }) =>
  withQuery('/api/tiers/near-threshold/export', params);

const settingsKey = ['settings', 'tiers'] as const;

export function useTierSettings() {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api<TierSettings>('/api/settings/tiers', { signal }),
  });
}

export function useSaveTierSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TierSettingsInput) => api<TierSettings>('/api/settings/tiers', { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(settingsKey, saved),
    // Someone saved a newer version: load it, so the form shows what is in force now.
    onError: (e) => {
      if (conflictVersion(e) !== null) void qc.invalidateQueries({ queryKey: settingsKey });
    },
  });
}

export function useImports(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['admin', 'imports', params],
    queryFn: ({ signal }) => api<ImportPage>(withQuery('/api/admin/imports', params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useBatchRuns() {
  return useQuery({
    queryKey: ['admin', 'batch-runs'],
    queryFn: ({ signal }) => api<{ items: BatchRun[] }>('/api/admin/batch-runs', { signal }),
    select: (d) => d.items,
  });
}
