/**
 * The live connection to GET /api/events, kept open while the shell is mounted. On every message
 * the inbox queries are refreshed; each notification is acknowledged and handed to `onArrive`.
 * After a drop it reconnects with back-off and `after` = the last id it received, so the server
 * sends exactly what was missed. A 4401 close means the session ended: the app goes to sign-in.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { meKey } from '../../api/hooks';
import { notificationsKey, unreadKey, type NotificationItem, type UnreadCount } from './api';

type ServerMessage =
  | { type: 'hello'; lastId: number; unread: number; resumeFrom: number }
  | { type: 'notification'; notification: NotificationItem }
  | { type: 'error'; code: string; message: string };

const SESSION_ENDED = 4401;

export function useNotificationStream(onArrive: (n: NotificationItem) => void): void {
  const qc = useQueryClient();
  const arrive = useRef(onArrive);
  useEffect(() => {
    arrive.current = onArrive;
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let lastId: number | null = null;
    let attempt = 0;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refresh: ReturnType<typeof setTimeout> | undefined;
    // A burst of messages (a resume) refreshes the inbox once.
    const refreshSoon = () => {
      clearTimeout(refresh);
      refresh = setTimeout(() => void qc.invalidateQueries({ queryKey: notificationsKey }), 60);
    };

    const connect = () => {
      const url = new URL('/api/events', window.location.href);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      if (lastId !== null) url.searchParams.set('after', String(lastId));
      const ws = new WebSocket(url);
      socket = ws;
      ws.onmessage = (ev) => {
        let m: ServerMessage;
        try {
          m = JSON.parse(String(ev.data)) as ServerMessage;
        } catch {
          return;
        }
        if (m.type === 'hello') {
          attempt = 0;
          if (lastId === null) lastId = m.resumeFrom;
          qc.setQueryData<UnreadCount>(unreadKey, { unread: m.unread, lastId: m.lastId });
          refreshSoon();
        } else if (m.type === 'notification') {
          lastId = m.notification.id;
          ws.send(JSON.stringify({ type: 'ack', id: m.notification.id }));
          qc.setQueryData<UnreadCount>(unreadKey, (c) =>
            c ? { unread: c.unread + (m.notification.readAt ? 0 : 1), lastId: m.notification.id } : c,
          );
          arrive.current(m.notification);
          refreshSoon();
        }
      };
      ws.onclose = (ev) => {
        if (socket !== ws) return;
        socket = null;
        if (stopped) return;
        if (ev.code === SESSION_ENDED) {
          void qc.invalidateQueries({ queryKey: meKey });
          return;
        }
        const delay = Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
        attempt++;
        retry = setTimeout(connect, delay);
      };
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      clearTimeout(refresh);
      socket?.close(1000);
    };
  }, [qc]);
}
