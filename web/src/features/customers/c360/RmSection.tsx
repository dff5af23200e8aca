import { Alert, Card, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { useCodeText } from './codes';

/** The current RM and the history of RM assignments. */
export default function RmSection({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const code = useCodeText();
  return (
    <Card title={t('c360.rmHistory')} size="small" data-testid="c360-rm">
      {c.rm ? (
        <div className="gh-rm-current">
          <div>
            <strong>{c.rm.name}</strong> <span className="gh-muted">· {t(`role.${c.rm.role}`)}</span>
          </div>
          <div className="gh-muted gh-small">
            {c.rm.orgName} · {t('c360.rmSince', { date: formatDate(c.rm.since) })}
          </div>
        </div>
      ) : (
        <Alert
          type={c.tier === 'mass' ? 'info' : 'warning'}
          showIcon
          title={t('c360.noRm')}
          style={{ marginBottom: 12 }}
        />
      )}
      {c.rmHistory.length > 0 && (
        <Timeline
          className="gh-timeline"
          items={c.rmHistory.map((h, i) => ({
            key: `${h.staffId}-${h.startedOn}-${i}`,
            color: h.endedOn ? 'gray' : 'blue',
            content: (
              <div>
                <div>
                  <strong>{h.name}</strong> <span className="gh-muted gh-mono gh-small">{h.staffId}</span>
                  {!h.endedOn && (
                    <Tag color="blue" style={{ marginInlineStart: 6 }}>
                      {t('c360.current')}
                    </Tag>
                  )}
                </div>
                <div className="gh-muted gh-small">
                  {formatDate(h.startedOn)} → {h.endedOn ? formatDate(h.endedOn) : t('c360.current')}
                  {h.endReason ? ` · ${code('reason', h.endReason)}` : ''}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
