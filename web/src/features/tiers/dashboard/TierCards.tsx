import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TierDashboard, TierFigures } from '../../../api/tiers';
import { formatInt } from '../../../lib/format';
import { formatYuanCompact } from '../../../lib/money';
import { TierTag } from '../../customers/tags';

/** One card per tier: customers (→ customer list of that tier), AUM, near-threshold (→ list of that band), moves. */
function TierCard({ row, orgId }: { row: TierFigures; orgId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const org = encodeURIComponent(orgId);
  return (
    <div className="gh-tier-card" data-testid={`tier-card-${row.tier}`}>
      <TierTag tier={row.tier} />
      <Link
        to={`/customers?orgId=${org}&tier=${row.tier}`}
        className="gh-tier-card-count"
        data-testid="tier-card-count"
      >
        <span className="gh-num">{formatInt(row.customers, lang)}</span>
      </Link>
      <div className="gh-tile-sub gh-num">{formatYuanCompact(row.aum, lang)}</div>
      <div className="gh-tier-card-foot">
        {row.nearBand ? (
          <Link
            to={`/customers?orgId=${org}&band=${row.nearBand}`}
            className="gh-tier-card-near"
            data-testid="tier-card-near"
            title={t('tiers.nearOf', { tier: t(`tierShort.${row.nearBand}`) })}
          >
            {t('tiers.nearOf', { tier: t(`tierShort.${row.nearBand}`) })}{' '}
            <span className="gh-num">{formatInt(row.nearThreshold, lang)}</span>
          </Link>
        ) : (
          <span className="gh-muted gh-small">{t('tiers.nearNone')}</span>
        )}
        <span className="gh-small gh-moves" title={`${t('tiers.upDay')} / ${t('tiers.downDay')}`}>
          <span className="gh-up">
            <ArrowUpOutlined /> {row.upgradesDay}
          </span>
          <span className="gh-down">
            <ArrowDownOutlined /> {row.downgradesDay}
          </span>
        </span>
      </div>
    </div>
  );
}

export default function TierCards({ data }: { data: TierDashboard }) {
  return (
    <div className="gh-tier-cards">
      {data.tiers.map((row) => (
        <TierCard key={row.tier} row={row} orgId={data.org.orgId} />
      ))}
    </div>
  );
}

/** Upgrades and downgrades for the day and month-to-date, with the bank-wide totals. */
export function MovesCard({ data }: { data: TierDashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stats = [
    { key: 'upDay', v: data.moves.day.upgrades, up: true },
    { key: 'downDay', v: data.moves.day.downgrades, up: false },
    { key: 'upMonth', v: data.moves.month.upgrades, up: true },
    { key: 'downMonth', v: data.moves.month.downgrades, up: false },
  ];
  return (
    <Card size="small" title={t('tiers.moves')}>
      <div className="gh-moves-grid" data-testid="tier-moves">
        {stats.map((s) => (
          <div key={s.key} className="gh-move-stat">
            <span className="gh-muted gh-small">{t(`tiers.${s.key}`)}</span>
            <span className={`gh-num gh-move-value ${s.up ? 'gh-up' : 'gh-down'}`}>
              {s.up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatInt(s.v, lang)}
            </span>
          </div>
        ))}
      </div>
    </Card>
  );
}
