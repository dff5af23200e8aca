/** Stewardship coverage, over-cap RMs, the release list and an RM's book (/api/stewardship). */
import { useQuery } from '@tanstack/react-query';
import { api, withQuery } from './client';
import type { ApiResponse } from './types';

export type Coverage = ApiResponse<'/api/stewardship/coverage'>;
export type CoverageFigures = Coverage['totals'];
export type CoverageChild = Coverage['children'][number];
export type OverCapList = ApiResponse<'/api/stewardship/over-cap'>;
export type OverCapItem = OverCapList['items'][number];
export type ReleaseList = ApiResponse<'/api/stewardship/release'>;
export type ReleaseItem = ReleaseList['items'][number];
export type RmBook = ApiResponse<'/api/stewardship/rms/{staffId}/book'>;

export function useCoverage(params: { orgId?: string; date?: string }) {
  return useQuery({
    queryKey: ['stewardship', 'coverage', params],
    queryFn: ({ signal }) => api<Coverage>(withQuery('/api/stewardship/coverage', params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useOverCap(params: { orgId?: string }) {
  return useQuery({
    queryKey: ['stewardship', 'over-cap', params],
    queryFn: ({ signal }) => api<OverCapList>(withQuery('/api/stewardship/over-cap', params), { signal }),
  });
}

export function useRelease(params: { orgId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['stewardship', 'release', params],
    queryFn: ({ signal }) => api<ReleaseList>(withQuery('/api/stewardship/release', params), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useRmBook(staffId: string) {
  return useQuery({
    queryKey: ['stewardship', 'book', staffId],
    queryFn: ({ signal }) => api<RmBook>(`/api/stewardship/rms/${encodeURIComponent(staffId)}/book`, { signal }),
  });
}

export const overCapExportUrl = (params: { orgId?: string }) => withQuery('/api/stewardship/over-cap/export', params);
export const releaseExportUrl = (params: { orgId?: string }) => withQuery('/api/stewardship/release/export', params);
