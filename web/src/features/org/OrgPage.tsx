import { Card, Empty, Progress, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes, Key } from 'react';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgTree } from '../../api/hooks';
import type { OrgLevel } from '../../api/types';
import { formatInt, formatPct } from '../../lib/format';
import { formatYuanCompact } from '../../lib/money';
import { buildOrgTree, topKeys } from '../../lib/orgTree';
import type { OrgTreeNode } from '../../lib/orgTree';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState, Loading } from '../shell/states';
import { byMoney, byNumber, byText } from '../../lib/sorters';

const ChildBarChart = lazy(() => import('./OrgCharts'));

const LEVEL_COLORS: Record<OrgLevel, string> = {
  head_office: 'magenta',
  branch: 'geekblue',
  sub_branch: 'cyan',
  outlet: 'default',
};

export const coverageColor = (pct: number | null): string | undefined =>
  pct === null || pct === undefined ? undefined : pct >= 90 ? '#3ba272' : pct >= 70 ? '#d4a017' : '#e05555';

export function CoverageBar({ pct }: { pct: number | null }) {
  if (pct === null || pct === undefined) return <span className="gh-muted">—</span>;
  const color = coverageColor(pct);
  return (
    <div className="gh-coverage">
      <Progress
        percent={Math.min(100, pct)}
        size="small"
        showInfo={false}
        strokeColor={color}
        style={{ margin: 0, minWidth: 48, flex: 1 }}
      />
      <span className="gh-num">{formatPct(pct)}</span>
    </div>
  );
}

export default function OrgPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const q = useOrgTree();
  const roots = useMemo(() => (q.data ? buildOrgTree(q.data) : []), [q.data]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const expandedKeys = expanded ?? topKeys(roots, 1);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  const customersLink = (n: OrgTreeNode) => (
    <Link
      to={`/customers?orgId=${encodeURIComponent(n.orgId)}`}
      data-testid="org-customers-link"
      onClick={(e) => e.stopPropagation()}
      className="gh-num"
    >
      {formatInt(n.customers, lang)}
    </Link>
  );

  const all: TableColumnsType<OrgTreeNode> = [
    {
      key: 'name',
      title: t('org.name'),
      dataIndex: 'name',
      sorter: byText((n) => n.name),
      render: (v: string, n) => (
        <span className="gh-org-cell">
          <Tag color={LEVEL_COLORS[n.level]} className="gh-level-tag">
            {t(`level.${n.level}`)}
          </Tag>
          <span>{v}</span>
        </span>
      ),
    },
    {
      key: 'customers',
      title: t('org.customers'),
      dataIndex: 'customers',
      align: 'right',
      sorter: byNumber((n) => n.customers),
      render: (_: number, n) => customersLink(n),
    },
    {
      key: 'eligible',
      title: <span title={t('org.eligibleHint')}>{t('org.eligible')}</span>,
      dataIndex: 'eligible',
      align: 'right',
      sorter: byNumber((n) => n.eligible),
      render: (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>,
    },
    {
      key: 'managed',
      title: t('org.managed'),
      dataIndex: 'managed',
      align: 'right',
      sorter: byNumber((n) => n.managed),
      render: (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>,
    },
    {
      key: 'coverage',
      title: t('org.coverage'),
      dataIndex: 'coveragePct',
      width: 160,
      sorter: byNumber((n) => n.coveragePct),
      render: (v: number | null) => <CoverageBar pct={v} />,
    },
    {
      key: 'aum',
      title: t('org.aum'),
      dataIndex: 'aum',
      align: 'right',
      sorter: byMoney((n) => n.aum),
      render: (v: string) => <span className="gh-num">{formatYuanCompact(v, lang)}</span>,
    },
    {
      key: 'staff',
      title: t('org.staff'),
      dataIndex: 'staff',
      align: 'right',
      sorter: byNumber((n) => n.staff),
      render: (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>,
    },
    {
      key: 'rms',
      title: t('org.rms'),
      dataIndex: 'rms',
      align: 'right',
      sorter: byNumber((n) => n.rms),
      render: (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>,
    },
  ];
  const mobileColumns: TableColumnsType<OrgTreeNode> = [
    {
      key: 'name',
      title: t('org.name'),
      dataIndex: 'name',
      render: (v: string, n) => (
        <span className="gh-org-cell-m" title={t(`level.${n.level}`)}>
          {v}
        </span>
      ),
    },
    {
      key: 'customers',
      title: t('org.customers'),
      dataIndex: 'customers',
      align: 'right',
      width: 76,
      sorter: byNumber((n) => n.customers),
      render: (_: number, n) => customersLink(n),
    },
    {
      key: 'coverage',
      title: t('org.coverage'),
      dataIndex: 'coveragePct',
      align: 'right',
      width: 76,
      sorter: byNumber((n) => n.coveragePct),
      render: (v: number | null) => (
        <span className="gh-num" style={{ color: coverageColor(v) }}>
          {formatPct(v)}
        </span>
      ),
    },
  ];
  const columns = isMobile ? mobileColumns : all;

  const root = roots.length === 1 ? roots[0] : undefined;
  const chartNodes = root?.children ?? roots;

  return (
    <div className="gh-page" data-testid="org-tree">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('org.title')}
        </Typography.Title>
      </div>
      {chartNodes.length > 1 && (
        <Card size="small" title={t('org.chartTitle')}>
          <Suspense fallback={<div style={{ height: 240 }} />}>
            <ChildBarChart nodes={chartNodes} />
          </Suspense>
        </Card>
      )}
      <Card size="small" styles={{ body: { padding: isMobile ? 4 : 8 } }}>
        {roots.length === 0 ? (
          <Empty description={t('org.empty')} />
        ) : (
          <Table<OrgTreeNode>
            rowKey="orgId"
            size="small"
            columns={columns}
            dataSource={roots}
            pagination={false}
            showSorterTooltip={false}
            indentSize={isMobile ? 10 : 18}
            expandable={{ expandedRowKeys: expandedKeys as Key[], onExpandedRowsChange: (keys) => setExpanded(keys) }}
            onRow={(n) => ({ 'data-org-id': n.orgId, 'data-testid': 'org-node' }) as HTMLAttributes<HTMLElement>}
            scroll={isMobile ? undefined : { x: 900 }}
            tableLayout={isMobile ? 'fixed' : undefined}
          />
        )}
      </Card>
    </div>
  );
}
