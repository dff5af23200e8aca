import {
  CalendarOutlined,
  MessageOutlined,
  PhoneOutlined,
  TeamOutlined,
  VideoCameraOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import { Card, Empty, Tag, Timeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Contact } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';
import { useCodeText, useDuration } from './codes';

const CHANNEL_ICONS: Record<Channel, ReactNode> = {
  phone: <PhoneOutlined />,
  visit: <TeamOutlined />,
  wechat: <WechatOutlined />,
  sms: <MessageOutlined />,
  video: <VideoCameraOutlined />,
  event: <CalendarOutlined />,
};

/** Contact history, newest first as the server sends it. */
export default function ContactTimeline({ contacts }: { contacts: Contact[] }) {
  const { t } = useTranslation();
  const dur = useDuration();
  const code = useCodeText();
  return (
    <Card title={t('c360.contacts')} size="small" data-testid="c360-contacts">
      {contacts.length === 0 ? (
        <Empty description={t('c360.contactsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          className="gh-timeline"
          items={contacts.map((c) => ({
            key: String(c.contactId),
            color: c.valid ? 'green' : 'gray',
            icon: (
              <span
                className={c.valid ? 'gh-tl-icon gh-tl-valid' : 'gh-tl-icon'}
                aria-label={t(`channel.${c.channel}`, { defaultValue: c.channel })}
              >
                {CHANNEL_ICONS[c.channel] ?? <MessageOutlined />}
              </span>
            ),
            content: (
              <div className="gh-contact" data-testid="contact-item">
                <div className="gh-contact-head">
                  <strong>{t(`channel.${c.channel}`, { defaultValue: c.channel })}</strong>
                  <span className="gh-muted">{formatDateTime(c.startedAt)}</span>
                  {dur(c.durationSeconds) && <span className="gh-muted">{dur(c.durationSeconds)}</span>}
                  <Tag color={c.valid ? 'success' : 'default'}>{c.valid ? t('c360.valid') : t('c360.invalid')}</Tag>
                  {c.connected === false && <Tag color="warning">{t('c360.notConnected')}</Tag>}
                </div>
                {c.outcome && <div>{code('outcome', c.outcome)}</div>}
                <div className="gh-contact-foot">
                  {c.topics.map((tp) => (
                    <Tag key={tp} variant="filled" color="processing">
                      {code('topic', tp)}
                    </Tag>
                  ))}
                  <span className="gh-muted gh-small">{t('c360.by', { name: c.staffName })}</span>
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
