import { ApiError, withQuery } from '../../../api/client';
import type { ApiErrorBody } from '../../../api/types';
import type { ListQuery } from './query';

/** The file name the server chose (RFC 5987 `filename*`, else the ASCII `filename`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads the list as the server exports it: the same filters and order as the screen (not
 * the page). A refusal (too many rows, not allowed) is thrown as an ApiError for the caller to show.
 */
export async function downloadCustomerList(query: ListQuery): Promise<void> {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  const res = await fetch(withQuery('/api/customers/export', filters), { credentials: 'same-origin' });
  if (!res.ok) {
    let body: ApiErrorBody = { code: `HTTP_${res.status}`, message: res.statusText };
    try {
      body = (await res.json()) as ApiErrorBody;
    } catch {
      // not JSON: keep the status
    }
    throw new ApiError(res.status, body);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), 'customers.xlsx');
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
