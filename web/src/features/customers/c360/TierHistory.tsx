import { Card, Empty, Space, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIERS } from '../../../api/types';
import type { Customer360, Tier } from '../../../api/types';
import { formatDate } from '../../../lib/format';
import { TierTag } from '../tags';
import { useCodeText } from './codes';

const tierRank = (x: Tier) => TIERS.indexOf(x);

/** Tier changes, newest first; downgrades in red. */
export default function TierHistory({ c }: { c: Customer360 }) {
  const { t } = useTranslation();
  const code = useCodeText();
  const rows = [...c.tierHistory].sort((a, b) => b.changedOn.localeCompare(a.changedOn));
  return (
    <Card title={t('c360.tierHistory')} size="small" data-testid="c360-tier-history">
      {rows.length === 0 ? (
        <Empty description={t('c360.tierHistoryEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          className="gh-timeline"
          items={rows.map((h, i) => ({
            key: `${h.changedOn}-${i}`,
            color: h.fromTier && tierRank(h.toTier) < tierRank(h.fromTier) ? 'red' : 'green',
            content: (
              <div>
                <Space size={4} wrap>
                  <span className="gh-muted">{formatDate(h.changedOn)}</span>
                  {h.fromTier ? <TierTag tier={h.fromTier} short /> : null}
                  {h.fromTier ? <span>→</span> : null}
                  <TierTag tier={h.toTier} short />
                </Space>
                <div className="gh-muted gh-small">{code('reason', h.reason)}</div>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
