/**
 * The inbox API (/api/notifications), notices and their shapes as the server's OpenAPI document
 * describes them (src/platform/realtime/event-map.ts, src/features/notifications/events.ts).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Role } from '../../api/types';

export interface NoticePayload {
  noticeId: string;
  title: string;
  body: string;
  from: { staffId: string; name: string; role: Role; orgId: string; orgName: string };
  to: { orgId: string; orgName: string } | null;
}

interface ItemBase {
  /** increasing per recipient */
  id: number;
  createdAt: string;
  readAt: string | null;
  acknowledgedAt: string | null;
}
/** One inbox entry; `payload` is typed by `type` (other types come from features added later). */
export type NotificationItem = ItemBase &
  ({ type: 'notifications.notice'; payload: NoticePayload } | { type: string; payload: Record<string, unknown> });

export const isNotice = (
  n: NotificationItem,
): n is ItemBase & { type: 'notifications.notice'; payload: NoticePayload } => n.type === 'notifications.notice';

export interface InboxPage {
  items: NotificationItem[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}
export interface UnreadCount {
  unread: number;
  lastId: number;
}
export interface NoticeInput {
  title: string;
  body: string;
  orgId?: string;
  roles?: Role[];
}

/** Every notifications query starts with this key, so one invalidation refreshes them all. */
export const notificationsKey = ['notifications'] as const;
export const unreadKey = [...notificationsKey, 'unread'] as const;

export function useInbox(params: { page: number; pageSize: number; unread: boolean }) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', params],
    queryFn: ({ signal }) =>
      api<InboxPage>(withQuery('/api/notifications', { ...params, unread: params.unread || undefined }), { signal }),
    placeholderData: (prev) => prev,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: unreadKey,
    queryFn: ({ signal }) => api<UnreadCount>('/api/notifications/unread-count', { signal }),
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<NotificationItem>(`/api/notifications/${id}/read`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    /** `upTo`: the newest id on screen, so one arriving meanwhile stays unread */
    mutationFn: (upTo: number | undefined) =>
      api<{ updated: number; unread: number }>('/api/notifications/read-all', { method: 'POST', body: { upTo } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useSendNotice() {
  return useMutation({
    mutationFn: (body: NoticeInput) =>
      api<{ noticeId: string; recipients: number }>('/api/notifications/notices', { method: 'POST', body }),
  });
}
