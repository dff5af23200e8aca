import { Breadcrumb, Card, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useTierDashboard } from '../../api/tiers';
import { formatInt } from '../../lib/format';
import { formatYuanCompact } from '../../lib/money';
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
  const [sp, setSp] = useSearchParams();
  const orgId = sp.get('orgId') || undefined;
  const date = sp.get('date') || undefined;
  const q = useTierDashboard({ orgId, date });

  const go = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setSp(next);
  };

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div className="gh-page" data-testid="tier-dashboard" data-org-id={d.org.orgId}>
      <div className="gh-page-head gh-dash-head">
        <div className="gh-stack-tight">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('tiers.title')}
          </Typography.Title>
          <Breadcrumb
            data-testid="tier-breadcrumb"
            items={d.breadcrumb.map((b, i) => ({
              key: b.orgId,
              title:
                i === d.breadcrumb.length - 1 ? (
                  <span>{b.name}</span>
                ) : (
                  <a onClick={() => go({ orgId: b.orgId })}>{b.name}</a>
                ),
            }))}
          />
        </div>
        <div className="gh-dash-date">
          <span className="gh-muted gh-small">{t('tiers.asOf')}</span>
          <Select
            size="small"
            value={d.date}
            style={{ width: 130 }}
            options={d.dates.map((x) => ({ value: x, label: x }))}
            onChange={(v) => go({ date: v === d.dates[0] ? undefined : v })}
            data-testid="tier-date"
          />
          {d.source === 'live' && (
            <Tag color="blue" title={t('tiers.sourceLive')}>
              {t('tiers.live')}
            </Tag>
          )}
        </div>
      </div>
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
