import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Skeleton, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCustomerCount, useCustomers, useOrgTree } from '../../api/hooks';
import { isRmRole, TIERS } from '../../api/types';
import type { CustomerQuery, Tier } from '../../api/types';
import { formatInt, formatPct } from '../../lib/format';
import { formatYuanCompact, sumMoney } from '../../lib/money';
import { buildOrgTree } from '../../lib/orgTree';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../auth/session';
import { BandTag, TierTag } from '../customers/tags';
import { ErrorState } from '../shell/states';

const CoverageChart = lazy(() => import('../org/OrgCharts').then((m) => ({ default: m.CoverageChart })));

const BANDS = TIERS.filter((x) => x !== 'mass');

type Scope = Pick<CustomerQuery, 'rmId'>;

function toSearch(params: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) sp.set(k, v);
  return `/customers?${sp.toString()}`;
}

/** A count tile linking to the pre-filtered customer list. */
function CountTile({
  label,
  query,
  scope,
  testId,
}: {
  label: ReactNode;
  query: Omit<CustomerQuery, 'page' | 'pageSize'>;
  scope: Scope;
  testId: string;
}) {
  const { i18n } = useTranslation();
  const q = useCustomerCount({ ...query, ...scope });
  return (
    <Link to={toSearch({ ...(query as Record<string, string | undefined>) })} className="gh-tile" data-testid={testId}>
      <div className="gh-tile-label">{label}</div>
      <div className="gh-tile-value gh-num">
        {q.isPending ? <Skeleton.Button active size="small" /> : q.isError ? '—' : formatInt(q.data, i18n.language)}
      </div>
    </Link>
  );
}

function TierTiles({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Card size="small" title={t('home.tierDist')}>
      <div className="gh-tiles">
        {TIERS.map((tier) => (
          <CountTile
            key={tier}
            label={<TierTag tier={tier} short={isMobile} />}
            query={{ tier }}
            scope={scope}
            testId={`tier-count-${tier}`}
          />
        ))}
      </div>
    </Card>
  );
}

function BandTiles({ scope }: { scope: Scope }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('home.nearThreshold')}
      extra={<span className="gh-muted gh-small">{t('home.nearThresholdHint')}</span>}
      className="gh-card-wrap-extra"
    >
      <div className="gh-tiles">
        {BANDS.map((band: Tier) => (
          <CountTile
            key={band}
            label={<BandTag band={band} />}
            query={{ band }}
            scope={scope}
            testId={`band-count-${band}`}
          />
        ))}
      </div>
    </Card>
  );
}

function Greeting() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  return (
    <div className="gh-page-head">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.hello', { name: me.name })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t(`role.${me.role}`)} · {me.orgName}
        </Typography.Text>
      </div>
    </div>
  );
}

function RmHome() {
  const me = useCurrentUser();
  const { t, i18n } = useTranslation();
  const scope: Scope = { rmId: me.staffId };
  const total = useCustomerCount(scope);
  const top = useCustomers({ ...scope, page: 1, pageSize: 5 });
  return (
    <div className="gh-page" data-testid="home-rm">
      <Greeting />
      <Card size="small">
        <Link to="/customers" className="gh-book-total">
          <Statistic title={t('home.bookTotal')} value={total.data ?? '—'} loading={total.isPending} />
          <RightOutlined className="gh-muted" />
        </Link>
      </Card>
      <TierTiles scope={scope} />
      <BandTiles scope={scope} />
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
    </div>
  );
}

function ManagerHome() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const org = useOrgTree();
  const roots = useMemo(() => (org.data ? buildOrgTree(org.data) : []), [org.data]);
  const scope: Scope = {};

  const totals = useMemo(() => {
    const sum = (f: (n: (typeof roots)[number]) => number) => roots.reduce((a, n) => a + f(n), 0);
    const eligible = sum((n) => n.eligible);
    const managed = sum((n) => n.managed);
    return {
      customers: sum((n) => n.customers),
      eligible,
      managed,
      coverage: roots.length === 1 ? (roots[0]?.coveragePct ?? null) : eligible > 0 ? (managed * 100) / eligible : null,
      aum: sumMoney(roots.map((n) => n.aum)),
      staff: sum((n) => n.staff),
      rms: sum((n) => n.rms),
    };
  }, [roots]);
  const children = roots.length === 1 ? (roots[0]?.children ?? []) : roots;

  return (
    <div className="gh-page" data-testid="home-overview">
      <Greeting />
      <Card size="small" title={t('home.overview')}>
        {org.isError ? (
          <ErrorState compact error={org.error} onRetry={() => void org.refetch()} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={12} md={8} xl={4}>
              <Link to="/customers">
                <Statistic
                  title={t('home.customers')}
                  value={formatInt(totals.customers, lang)}
                  loading={org.isPending}
                />
              </Link>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Statistic title={t('home.eligible')} value={formatInt(totals.eligible, lang)} loading={org.isPending} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Statistic title={t('home.coverage')} value={formatPct(totals.coverage)} loading={org.isPending} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Link to="/customers?managed=false" title={t('home.unmanagedHint')}>
                <Statistic
                  title={t('home.unmanaged')}
                  value={formatInt(Math.max(0, totals.eligible - totals.managed), lang)}
                  loading={org.isPending}
                  styles={{ content: { color: totals.eligible > totals.managed ? '#cf1322' : undefined } }}
                />
              </Link>
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Statistic title={t('home.aum')} value={formatYuanCompact(totals.aum, lang)} loading={org.isPending} />
            </Col>
            <Col xs={12} md={8} xl={4}>
              <Statistic
                title={t('home.staff')}
                value={`${formatInt(totals.staff, lang)} / ${formatInt(totals.rms, lang)}`}
                loading={org.isPending}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Space16>
            <TierTiles scope={scope} />
            <BandTiles scope={scope} />
          </Space16>
        </Col>
        {children.length > 1 && (
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

function Space16({ children }: { children: ReactNode }) {
  return <div className="gh-stack">{children}</div>;
}

export default function HomePage() {
  const me = useCurrentUser();
  return isRmRole(me.role) ? <RmHome /> : <ManagerHome />;
}
