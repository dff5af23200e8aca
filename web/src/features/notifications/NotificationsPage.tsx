import { CheckOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Pagination, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInt } from '../../lib/format';
import { useCurrentUser } from '../auth/session';
import { ErrorState, Loading } from '../shell/states';
import { canSendNotice } from './access';
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount, type NotificationItem } from './api';
import NotificationCard from './NotificationCard';
import SendNoticeModal from './SendNoticeModal';

const PAGE_SIZE = 20;

/** 通知: my inbox, newest first, live (the shell's event stream refreshes it); managers send notices here. */
export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const [expanded, setExpanded] = useState<number | null>(null);
  const [composing, setComposing] = useState(false);
  const inbox = useInbox({ page, pageSize: PAGE_SIZE, unread: filter === 'unread' });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  // the newest id this tab knows of (kept live by the event stream): one arriving after it stays unread
  const lastId = useUnreadCount().data?.lastId;
  const data = inbox.data;
  const unread = data?.unread ?? 0;

  const open = (n: NotificationItem) => {
    setExpanded((cur) => (cur === n.id ? null : n.id));
    if (n.readAt === null) markRead.mutate(n.id);
  };
  const readAll = () =>
    markAll.mutate(lastId, { onSuccess: () => void message.success(t('notifications.markedAllRead')) });

  return (
    <div className="gh-page gh-notif-page" data-testid="notifications-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <div className="gh-notif-actions">
          <Button icon={<CheckOutlined />} onClick={readAll} disabled={unread === 0} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
          {canSendNotice(me) && (
            <Button type="primary" icon={<SendOutlined />} onClick={() => setComposing(true)} data-testid="notice-new">
              {t('notifications.send')}
            </Button>
          )}
        </div>
      </div>
      <div className="gh-notif-bar">
        <Segmented
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('notifications.all') },
            { value: 'unread', label: t('notifications.unreadCount', { count: unread }) },
          ]}
          data-testid="notifications-filter"
        />
        {data && (
          <span className="gh-muted gh-small" data-testid="notifications-total">
            {t('notifications.total', { n: formatInt(data.total, i18n.language) })}
          </span>
        )}
      </div>
      <Card className="gh-notif-card" styles={{ body: { padding: 0 } }}>
        {inbox.isPending ? (
          <Loading />
        ) : inbox.isError ? (
          <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} compact />
        ) : data!.items.length === 0 ? (
          <Empty
            className="gh-notif-empty"
            description={filter === 'unread' ? t('notifications.emptyUnread') : t('notifications.empty')}
          />
        ) : (
          <div className="gh-notif-list" data-testid="notification-list">
            {data!.items.map((n) => (
              <NotificationCard key={n.id} item={n} expanded={expanded === n.id} onOpen={open} />
            ))}
          </div>
        )}
      </Card>
      {data && data.total > PAGE_SIZE && (
        <div className="gh-pager">
          <Pagination
            current={page}
            pageSize={PAGE_SIZE}
            total={data.total}
            onChange={setPage}
            showSizeChanger={false}
            size="small"
          />
        </div>
      )}
      <SendNoticeModal me={me} open={composing} onClose={() => setComposing(false)} />
    </div>
  );
}
