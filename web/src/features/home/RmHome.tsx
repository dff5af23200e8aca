import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomers, useCustomerSummary } from '../../api/hooks';
import { formatInt } from '../../lib/format';
import { formatYuan, formatYuanCompact } from '../../lib/money';
import { useCurrentUser } from '../auth/session';
import { BandTag, TierTag } from '../customers/tags';
import { ErrorState } from '../shell/states';
import BookLoad from '../stewardship/BookLoad';
import { Greeting } from './Greeting';
import { BandTiles, TierTiles } from './SummaryTiles';
import type { SummaryQuery } from './SummaryTiles';

/** Customers and total AUM of the RM's book, linking to the list. */
function BookTotal({ q }: { q: SummaryQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (q.isError) return <ErrorState compact error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Link to="/customers" className="gh-book-total" data-testid="book-total" data-tile-count={q.data?.customers}>
      <div className="gh-book-stats">
        <div data-testid="book-customers">
          <Statistic title={t('home.bookTotal')} value={formatInt(q.data?.customers, lang)} loading={q.isPending} />
        </div>
        {/* The compact figure is rounded; the exact amount is one hover away. */}
        <div data-testid="book-aum" title={q.data ? formatYuan(q.data.aum) : undefined}>
          <Statistic title={t('home.bookAum')} value={formatYuanCompact(q.data?.aum, lang)} loading={q.isPending} />
        </div>
      </div>
      <RightOutlined className="gh-muted" />
    </Link>
  );
}

function TopCustomers() {
  const me = useCurrentUser();
  const { t, i18n } = useTranslation();
  const top = useCustomers({ rmId: me.staffId, page: 1, pageSize: 5 });
  return (
    <Card size="small" title={t('home.topCustomers')} extra={<Link to="/customers">{t('common.viewAll')}</Link>}>
      {top.isError ? (
        <ErrorState compact error={top.error} onRetry={() => void top.refetch()} />
      ) : (
        <div className="gh-top-list" aria-busy={top.isPending}>
          {top.isPending && <Skeleton active paragraph={{ rows: 3 }} title={false} />}
          {(top.data?.items ?? []).map((c) => (
            <Link key={c.customerId} to={`/customers/${encodeURIComponent(c.customerId)}`} className="gh-top-row">
              <span className="gh-top-name">{c.name}</span>
              <TierTag tier={c.tier} short />
              <BandTag band={c.band} />
              <span className="gh-top-aum gh-num">{formatYuanCompact(c.monthAvgAum, i18n.language)}</span>
            </Link>
          ))}
          {top.data && top.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        </div>
      )}
    </Card>
  );
}

/** Home of an RM: their own book. */
export default function RmHome() {
  const me = useCurrentUser();
  const summary = useCustomerSummary({ rmId: me.staffId });
  return (
    <div className="gh-page" data-testid="home-rm">
      <Greeting asOf={summary.data?.asOf} />
      <Card size="small">
        <BookTotal q={summary} />
      </Card>
      <BookLoad staffId={me.staffId} />
      <TierTiles q={summary} />
      <BandTiles q={summary} />
      <TopCustomers />
    </div>
  );
}
