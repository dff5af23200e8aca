/** Imports and batch runs from the web: upload files, follow the job, run the batch. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from './client';
import type { ApiErrorBody, ApiResponse } from './types';

export type PipelineJob = ApiResponse<'/api/ingest/jobs/{id}'>;
export type JobFile = PipelineJob['files'][number];

export const rejectsUrl = (importFileId: number) => `/api/ingest/files/${importFileId}/rejects`;

/** The jobs started from the web, polled every second while one runs. */
export function usePipelineJobs() {
  return useQuery({
    queryKey: ['ingest', 'jobs'],
    queryFn: ({ signal }) => api<{ items: PipelineJob[] }>('/api/ingest/jobs', { signal }),
    select: (d) => d.items,
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.status === 'running') ? 1000 : false),
  });
}

/** Sends the files as one multipart upload; answers the started job. */
async function uploadFiles(files: File[]): Promise<PipelineJob> {
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  let res: Response;
  try {
    res = await fetch('/api/ingest/uploads', {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
  } catch (e) {
    throw new ApiError(0, { code: 'NETWORK', message: (e as Error).message });
  }
  const body = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const b = (
      body && typeof body === 'object' && 'code' in body
        ? body
        : { code: `HTTP_${res.status}`, message: res.statusText }
    ) as ApiErrorBody;
    throw new ApiError(res.status, b);
  }
  return body as PipelineJob;
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: uploadFiles,
    onSettled: () => void qc.invalidateQueries({ queryKey: ['ingest', 'jobs'] }),
  });
}

export function useRunBatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (date: string | undefined) =>
      api<PipelineJob>('/api/ingest/batch', { method: 'POST', body: date ? { date } : {} }),
    onSettled: () => void qc.invalidateQueries({ queryKey: ['ingest', 'jobs'] }),
  });
}
