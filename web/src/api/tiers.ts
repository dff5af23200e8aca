/** Tier dashboard, near-threshold lists, tier settings and the admin pipeline views. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { Money, OrgLevel, Page, Tier } from './types';

export const BANDS = ['premium', 'affluent', 'wealth', 'private'] as const;
export type Band = (typeof BANDS)[number];
export type PerTier = Record<Tier, number>;

export interface OrgRef {
  orgId: string;
  name: string;
  level: OrgLevel;
}

export interface TierFigures {
  tier: Tier;
  customers: number;
  aum: Money;
  nearThreshold: number;
  nearBand: Tier | null;
  upgradesDay: number;
  downgradesDay: number;
  upgradesMonth: number;
  downgradesMonth: number;
}

export interface TierDashboard {
  org: OrgRef;
  breadcrumb: OrgRef[];
  date: string;
  source: 'daily' | 'live';
  dates: string[];
  totals: { customers: number; aum: Money; nearThreshold: number };
  moves: { day: { upgrades: number; downgrades: number }; month: { upgrades: number; downgrades: number } };
  tiers: TierFigures[];
  trend: { date: string; customers: PerTier }[];
  children: (OrgRef & { customers: number; aum: Money; nearThreshold: number; tiers: PerTier })[];
}

export interface NearThresholdItem {
  customerId: string;
  name: string;
  tier: Tier;
  monthAvgAum: Money;
  floor: Money;
  gap: Money;
  rmId: string | null;
  rmName: string | null;
  orgId: string;
  orgName: string;
}

export type NearThresholdPage = Page<NearThresholdItem> & { band: Band; floor: Money; asOf: string | null };

export interface TierSettings {
  version: number;
  floors: Record<Band, Money>;
  bandLowPct: number;
  downgradeMonths: number;
  basis: 'month_avg' | 'period_end';
}
export type TierSettingsInput = Omit<TierSettings, 'version'> & { note?: string };

export interface ImportFile {
  id: number;
  runId: string;
  fileName: string;
  kind: string;
  businessDate: string | null;
  checksum: string;
  encoding: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  durationMs: number;
  status: 'loaded' | 'unchanged' | 'failed';
  message: string | null;
  createdAt: string;
}

export interface BatchRun {
  runId: string;
  businessDate: string;
  status: 'running' | 'succeeded' | 'failed';
  startedAt: string;
  finishedAt: string | null;
  settingsVersion: number | null;
  steps: { name: string; rows: number | null; ms: number | null; detail: string | null }[];
  message: string | null;
}

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
  });
}

export function useImports(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['admin', 'imports', params],
    queryFn: ({ signal }) => api<Page<ImportFile>>(withQuery('/api/admin/imports', params), { signal }),
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
