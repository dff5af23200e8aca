import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSettingsHistory, type SettingsChange } from '../../api/settings';
import { TIER_BASES, TIERS, type Tier, type TierBasis } from '../../api/types';
import { formatDateTime } from '../../lib/format';
import { formatYuan } from '../../lib/money';
import { ErrorState, Loading } from '../shell/states';
import './settingsHistory.css';

/** A field's name in words where the page knows it (the tier settings), else its path. */
function fieldLabel(path: string, t: TFunction): string {
  const floor = /^tiers\.floorsFen\.(\w+)$/.exec(path);
  if (floor && (TIERS as readonly string[]).includes(floor[1]!))
    return t('settingsHistory.floor', { tier: t(`tier.${floor[1] as Tier}`) });
  if (path === 'tiers.bandLowPct') return t('tierSettings.bandLowPct');
  if (path === 'tiers.downgradeMonths') return t('tierSettings.downgradeMonths');
  if (path === 'tiers.basis') return t('tierSettings.basis');
  return path;
}

/** Fen strings as yuan, the tier basis in words, lists joined; absent as a dash. */
function valueText(path: string, v: unknown, t: TFunction): string {
  if (v === undefined || v === null) return '—';
  if (/Fen(\.|$)/.test(path) && typeof v === 'string' && /^\d+$/.test(v)) {
    const fen = BigInt(v);
    return formatYuan(`${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`);
  }
  if (path === 'tiers.basis' && (TIER_BASES as readonly string[]).includes(String(v)))
    return t(`tierSettings.basisOpt.${v as TierBasis}`);
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function Change({ c }: { c: SettingsChange }) {
  const { t } = useTranslation();
  return (
    <li className="gh-shist-change" data-testid="settings-change">
      <span className="gh-shist-field">{fieldLabel(c.path, t)}</span>
      <span className="gh-shist-values">
        <span className="gh-shist-before">{valueText(c.path, c.before, t)}</span>
        <ArrowRightOutlined className="gh-muted" aria-label={t('settingsHistory.to')} />
        <span className="gh-shist-after">{valueText(c.path, c.after, t)}</span>
      </span>
    </li>
  );
}

/** 配置历史: every saved version of the bank settings, newest first, with what each changed. */
export default function SettingsHistoryPage() {
  const { t } = useTranslation();
  const q = useSettingsHistory();
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('settingsHistory.title')}
        </Typography.Title>
        <Link to="/admin/tier-settings">
          <Button icon={<ArrowLeftOutlined />} size="small">
            {t('settingsHistory.back')}
          </Button>
        </Link>
      </div>
      {q.data.length === 0 && <Empty description={t('settingsHistory.empty')} />}
      {q.data.map((v) => (
        <Card key={v.version} size="small" className="gh-shist-card" data-testid={`settings-version-${v.version}`}>
          <div className="gh-shist-head">
            <Tag color="blue">v{v.version}</Tag>
            <span className="gh-shist-when">{formatDateTime(v.createdAt)}</span>
            <span className="gh-muted">
              {v.by ? `${v.by.name ?? v.by.username} (${v.by.username})` : t('settingsHistory.system')}
            </span>
          </div>
          {v.note && <div className="gh-shist-note">{v.note}</div>}
          {v.previousVersion === null ? (
            <div className="gh-muted">{t('settingsHistory.first')}</div>
          ) : v.changes.length === 0 ? (
            <div className="gh-muted">{t('settingsHistory.noChanges', { version: v.previousVersion })}</div>
          ) : (
            <>
              <div className="gh-muted gh-small">{t('settingsHistory.since', { version: v.previousVersion })}</div>
              <ul className="gh-shist-changes">
                {v.changes.map((c) => (
                  <Change key={c.path} c={c} />
                ))}
              </ul>
            </>
          )}
        </Card>
      ))}
    </div>
  );
}
