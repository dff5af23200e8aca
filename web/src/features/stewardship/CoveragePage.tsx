import { Breadcrumb, Card, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCoverage } from '../../api/stewardship';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState, Loading } from '../shell/states';
import CoverageChildren from './coverage/CoverageChildren';
import CoverageTiles from './coverage/CoverageTiles';
import CoverageTrend from './coverage/CoverageTrend';

/** 管户覆盖: coverage of one org node at a time; node and date in the URL so drill-down is linkable. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [sp, setSp] = useSearchParams();
  const orgId = sp.get('orgId') || undefined;
  const date = sp.get('date') || undefined;
  const q = useCoverage({ orgId, date });

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
    <div className="gh-page" data-testid="coverage" data-org-id={d.org.orgId}>
      <div className="gh-page-head gh-dash-head">
        <div className="gh-stack-tight">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('stewardship.title')}
          </Typography.Title>
          <Breadcrumb
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
            data-testid="cov-date"
          />
        </div>
      </div>
      <CoverageTiles data={d} />
      <div className="gh-muted gh-small">{t('stewardship.rateHint')}</div>
      <Card size="small" title={t('stewardship.trend')}>
        <CoverageTrend trend={d.trend} />
      </Card>
      <Card size="small" title={t('tiers.children')} styles={{ body: { padding: isMobile ? 4 : 8 } }}>
        <CoverageChildren rows={d.children} isMobile={isMobile} onOpen={(id) => go({ orgId: id })} />
      </Card>
    </div>
  );
}
