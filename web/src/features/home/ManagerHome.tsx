import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerSummary, useOrgTree } from '../../api/hooks';
import { formatInt, formatPct } from '../../lib/format';
import { formatYuan, formatYuanCompact } from '../../lib/money';
import { buildOrgTree } from '../../lib/orgTree';
import { ErrorState } from '../shell/states';
import { Greeting } from './Greeting';
import { BandTiles, TierTiles } from './SummaryTiles';
import type { SummaryQuery } from './SummaryTiles';

const CoverageChart = lazy(() => import('../org/OrgCharts').then((m) => ({ default: m.CoverageChart })));

const Cell = ({ children }: { children: ReactNode }) => (
  <Col xs={12} md={8} xl={4}>
    {children}
  </Col>
);

/** Key figures for the whole scope: customers, coverage, AUM (summary) and staff (org tree). */
function Overview({ q }: { q: SummaryQuery }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const org = useOrgTree();
  const staff = useMemo(() => {
    const roots = org.data ? buildOrgTree(org.data) : [];
    return { all: roots.reduce((a, n) => a + n.staff, 0), rms: roots.reduce((a, n) => a + n.rms, 0) };
  }, [org.data]);
  if (q.isError) return <ErrorState compact error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  const loading = q.isPending;
  const coverage = s && s.eligible > 0 ? (s.managed * 100) / s.eligible : null;
  return (
    <Row gutter={[16, 16]}>
      <Cell>
        <Link to="/customers" data-tile-count={s?.customers} data-testid="home-customers">
          <Statistic title={t('home.customers')} value={formatInt(s?.customers, lang)} loading={loading} />
        </Link>
      </Cell>
      <Cell>
        <Link to="/customers?eligible=true" data-tile-count={s?.eligible} data-testid="home-eligible">
          <Statistic title={t('home.eligible')} value={formatInt(s?.eligible, lang)} loading={loading} />
        </Link>
      </Cell>
      <Cell>
        {/* The coverage's own figure is the managed count under it: it opens exactly those customers. */}
        <Link to="/customers?managed=true" data-tile-count={s?.managed} data-testid="home-coverage">
          <Statistic title={t('home.coverage')} value={formatPct(coverage)} loading={loading} />
          {s && (
            <div className="gh-muted gh-small gh-num">
              {t('home.coverageOf', { managed: formatInt(s.managed, lang), eligible: formatInt(s.eligible, lang) })}
            </div>
          )}
        </Link>
      </Cell>
      <Cell>
        <Link
          to="/customers?managed=false"
          title={t('home.unmanagedHint')}
          data-tile-count={s?.unmanaged}
          data-testid="home-unmanaged"
        >
          <Statistic
            title={t('home.unmanaged')}
            value={formatInt(s?.unmanaged, lang)}
            loading={loading}
            styles={{ content: { color: s && s.unmanaged > 0 ? '#cf1322' : undefined } }}
          />
        </Link>
      </Cell>
      <Cell>
        <div title={s ? formatYuan(s.aum) : undefined}>
          <Statistic title={t('home.aum')} value={formatYuanCompact(s?.aum, lang)} loading={loading} />
        </div>
      </Cell>
      <Cell>
        <Statistic
          title={t('home.staff')}
          value={org.isError ? '—' : `${formatInt(staff.all, lang)} / ${formatInt(staff.rms, lang)}`}
          loading={org.isPending}
        />
      </Cell>
    </Row>
  );
}

/** Child units of the caller's org (or the visible roots when there are several). */
function useChildUnits() {
  const org = useOrgTree();
  return useMemo(() => {
    const roots = org.data ? buildOrgTree(org.data) : [];
    return roots.length === 1 ? (roots[0]?.children ?? []) : roots;
  }, [org.data]);
}

/** Home of managers and head office: their whole scope. */
export default function ManagerHome() {
  const { t } = useTranslation();
  const summary = useCustomerSummary({});
  const children = useChildUnits();
  // With a single child unit there is nothing to compare, so the tiles take the full width.
  const showChart = children.length > 1;
  return (
    <div className="gh-page" data-testid="home-overview">
      <Greeting asOf={summary.data?.asOf} />
      <Card size="small" title={t('home.overview')}>
        <Overview q={summary} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={showChart ? 12 : 24}>
          <div className="gh-stack">
            <TierTiles q={summary} />
            <BandTiles q={summary} />
          </div>
        </Col>
        {showChart && (
          <Col xs={24} xl={12}>
            <Card size="small" title={t('home.childCoverage')}>
              <Suspense fallback={<div style={{ height: 200 }} />}>
                <CoverageChart nodes={children} />
              </Suspense>
            </Card>
          </Col>
        )}
      </Row>
    </div>
  );
}
