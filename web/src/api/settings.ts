/** The history of the bank settings: every version with who, when, the note and what changed. */
import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { ApiResponse } from './types';

export type SettingsVersion = ApiResponse<'/api/settings/history'>['items'][number];
export type SettingsChange = SettingsVersion['changes'][number];

export function useSettingsHistory() {
  return useQuery({
    queryKey: ['settings', 'history'],
    queryFn: ({ signal }) => api<ApiResponse<'/api/settings/history'>>('/api/settings/history', { signal }),
    select: (d) => d.items,
    // a save on the settings page makes a new version: show it when the page opens
    staleTime: 0,
  });
}
