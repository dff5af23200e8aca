import { BellOutlined } from '@ant-design/icons';
import { App, Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isNotice, useUnreadCount, type NotificationItem } from './api';
import { useNotificationStream } from './stream';
import './notifications.css';

/**
 * The shell header's bell: my unread count, kept live by the event stream (which it owns, so
 * there is one connection per signed-in tab). A notice arriving while I am elsewhere also
 * pops up briefly; on the notifications page the list itself updates.
 */
export default function NotificationBell() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;

  useNotificationStream((n: NotificationItem) => {
    if (location.pathname === '/notifications') return;
    notification.open({
      key: `notification-${n.id}`,
      message: isNotice(n) ? n.payload.title : t('notifications.newNotice'),
      description: isNotice(n) ? <span className="gh-notif-toast">{n.payload.body}</span> : undefined,
      placement: 'top',
      duration: 6,
      onClick: () => {
        notification.destroy(`notification-${n.id}`);
        void navigate('/notifications');
      },
    });
  });

  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link
      to="/notifications"
      className="gh-bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      data-unread={unread}
    >
      <Badge count={unread} size="small" overflowCount={99} offset={[2, -2]} data-testid="unread-badge">
        <BellOutlined className="gh-bell-icon" />
      </Badge>
    </Link>
  );
}
