import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCoverage } from '../../api/stewardship';
import { OrgDateHead, useOrgDateParams } from '../../lib/orgDateHead';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState, Loading } from '../shell/states';
import CoverageChildren from './coverage/CoverageChildren';
import CoverageTiles from './coverage/CoverageTiles';
import CoverageTrend from './coverage/CoverageTrend';

/** 管户覆盖: coverage of one org node at a time; node and date in the URL so drill-down is linkable. */
export default function CoveragePage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const { orgId, date, go } = useOrgDateParams();
  const q = useCoverage({ orgId, date });

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <div className="gh-page" data-testid="coverage" data-org-id={d.org.orgId}>
      <OrgDateHead
        title={t('stewardship.title')}
        breadcrumb={d.breadcrumb}
        date={d.date}
        dates={d.dates}
        go={go}
        dateTestId="cov-date"
      />
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
