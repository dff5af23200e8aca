import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { NearThresholdItem } from '../../../api/tiers';
import { formatYuanCompact } from '../../../lib/money';
import { TierTag } from '../../customers/tags';
import { RmOrUnassigned } from './NearTable';

/** Phone list: one card per customer, the gap to the floor up front. */
export default function NearCards({ items, loading }: { items: NearThresholdItem[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Spin spinning={loading}>
      <div className="gh-card-list" aria-busy={loading}>
        {items.map((r) => (
          <Link
            key={r.customerId}
            to={`/customers/${encodeURIComponent(r.customerId)}`}
            className="gh-ccard"
            data-testid="near-threshold-row"
            data-customer-id={r.customerId}
          >
            <div className="gh-ccard-top">
              <span className="gh-ccard-name" data-testid="customer-name">
                {r.name}
              </span>
              <TierTag tier={r.tier} short />
              <span className="gh-ccard-aum gh-gap gh-num">
                {t('near.gap', { gap: formatYuanCompact(r.gap, lang) })}
              </span>
            </div>
            <div className="gh-ccard-sub">
              <span className="gh-mono">{r.customerId}</span>
              <span className="gh-num">
                {t('customers.monthAvg')} {formatYuanCompact(r.monthAvgAum, lang)} / {formatYuanCompact(r.floor, lang)}
              </span>
            </div>
            <div className="gh-ccard-sub">
              <span className="gh-ellipsis">{r.orgName}</span>
              <RmOrUnassigned row={r} />
            </div>
          </Link>
        ))}
        {!loading && items.length === 0 && <Empty description={t('near.empty')} />}
      </div>
    </Spin>
  );
}
