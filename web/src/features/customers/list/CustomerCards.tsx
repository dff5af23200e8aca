import { Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerRow } from '../../../api/types';
import { formatYuanCompact } from '../../../lib/money';
import { BandTag, TierTag } from '../tags';
import RmCell from './RmCell';

/** Phone list: one card per customer. */
export default function CustomerCards({ items, loading }: { items: CustomerRow[]; loading: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Spin spinning={loading}>
      <div className="gh-card-list" aria-busy={loading}>
        {items.map((row) => (
          <Link
            key={row.customerId}
            to={`/customers/${encodeURIComponent(row.customerId)}`}
            className="gh-ccard"
            data-testid="customer-row"
            data-customer-id={row.customerId}
          >
            <div className="gh-ccard-top">
              <span className="gh-ccard-name" data-testid="customer-name">
                {row.name}
              </span>
              <TierTag tier={row.tier} short />
              <BandTag band={row.band} />
              <span className="gh-ccard-aum">
                <span className="gh-muted gh-small">{t('customers.monthAvg')} </span>
                <span className="gh-num">{formatYuanCompact(row.monthAvgAum, i18n.language)}</span>
              </span>
            </div>
            <div className="gh-ccard-sub">
              <span className="gh-mono">{row.customerId}</span>
              <span className="gh-muted">
                {t('customers.latest')} {formatYuanCompact(row.aum, i18n.language)}
              </span>
            </div>
            <div className="gh-ccard-sub">
              <span className="gh-ellipsis">{row.orgName}</span>
              <RmCell row={row} />
            </div>
          </Link>
        ))}
        {!loading && items.length === 0 && <Empty description={t('customers.empty')} />}
      </div>
    </Spin>
  );
}
