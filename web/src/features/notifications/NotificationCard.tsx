import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { isNotice, type NotificationItem } from './api';

/** One inbox entry. Notices show title, message and sender; other types a generic line. */
export default function NotificationCard({
  item,
  expanded,
  onOpen,
}: {
  item: NotificationItem;
  expanded: boolean;
  onOpen: (item: NotificationItem) => void;
}) {
  const { t } = useTranslation();
  const unread = item.readAt === null;
  const notice = isNotice(item) ? item.payload : null;
  return (
    <button
      type="button"
      className={`gh-notif${unread ? ' gh-notif-unread' : ''}${expanded ? ' gh-notif-open' : ''}`}
      onClick={() => onOpen(item)}
      aria-expanded={expanded}
      data-testid="notification-item"
      data-id={item.id}
      data-unread={unread}
    >
      <span className="gh-notif-dot" aria-label={unread ? t('notifications.unreadDot') : undefined} />
      <span className="gh-notif-main">
        <span className="gh-notif-head">
          <span className="gh-notif-title">{notice ? notice.title : t('notifications.unknownType')}</span>
          <time className="gh-notif-time gh-num" dateTime={item.createdAt}>
            {formatDateTime(item.createdAt)}
          </time>
        </span>
        {notice && <span className="gh-notif-body">{notice.body}</span>}
        {notice && (
          <span className="gh-notif-meta">
            <span>
              {notice.from.name} · {t(`role.${notice.from.role}`)} · {notice.from.orgName}
            </span>
            <span className="gh-notif-to">
              {notice.to ? t('notifications.to', { org: notice.to.orgName }) : t('notifications.toNamed')}
            </span>
          </span>
        )}
      </span>
    </button>
  );
}
