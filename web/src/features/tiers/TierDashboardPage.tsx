import { Card, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTierDashboard } from '../../api/tiers';
import { formatInt } from '../../lib/format';
import { formatYuanCompact } from '../../lib/money';
import { OrgDateHead, useOrgDateParams } from '../../lib/orgDateHead';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState, Loading } from '../shell/states';
import ChildrenTable from './dashboard/ChildrenTable';
import TierCards, { MovesCard } from './dashboard/TierCards';
import TrendChart from './dashboard/TrendChart';

/** 层级看板: one org node at a time; the node and date live in the URL so drill-down is linkable. */
export default function TierDashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const { orgId, date, go } = useOrgDateParams();
  const q = useTierDashboard({ orgId, date });

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div className="gh-page" data-testid="tier-dashboard" data-org-id={d.org.orgId}>
      <OrgDateHead
        title={t('tiers.title')}
        breadcrumb={d.breadcrumb}
        date={d.date}
        dates={d.dates}
        go={go}
        dateTestId="tier-date"
        breadcrumbTestId="tier-breadcrumb"
        extra={
          d.source === 'live' && (
            <Tag color="blue" title={t('tiers.sourceLive')}>
              {t('tiers.live')}
            </Tag>
          )
        }
      />
      <div className="gh-dash-totals">
        <span>
          {t('tiers.customers')} <b className="gh-num">{formatInt(d.totals.customers, lang)}</b>
        </span>
        <span>
          {t('tiers.aum')} <b className="gh-num">{formatYuanCompact(d.totals.aum, lang)}</b>
        </span>
        <span>
          {t('tiers.nearTotal')}{' '}
          <Link to="/tiers/near-threshold">
            <b className="gh-num">{formatInt(d.totals.nearThreshold, lang)}</b>
          </Link>
        </span>
      </div>
      <TierCards data={d} />
      <div className="gh-dash-grid">
        <MovesCard data={d} />
        <Card
          size="small"
          title={t('tiers.trend')}
          extra={!isMobile && <span className="gh-muted gh-small">{t('tiers.trendHint')}</span>}
        >
          <TrendChart trend={d.trend} />
        </Card>
      </div>
      <Card size="small" title={t('tiers.children')} styles={{ body: { padding: isMobile ? 4 : 8 } }}>
        <ChildrenTable rows={d.children} isMobile={isMobile} onOpen={(id) => go({ orgId: id })} />
      </Card>
    </div>
  );
}
