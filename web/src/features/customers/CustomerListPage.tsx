import { SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Pagination, Select, Spin, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useCustomers, useOrgTree, useStaff } from '../../api/hooks';
import { isRmRole, RM_ROLES, TIERS } from '../../api/types';
import type { CustomerQuery, CustomerRow, OrgNode, Tier } from '../../api/types';
import { formatYuan, formatYuanCompact } from '../../lib/money';
import { buildOrgTree } from '../../lib/orgTree';
import type { OrgTreeNode } from '../../lib/orgTree';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../auth/session';
import { ErrorState } from '../shell/states';
import { BandTag, TierTag } from './tags';

const PAGE_SIZES = [10, 20, 50, 100];
const asTier = (v: string | null): Tier | undefined =>
  v && (TIERS as readonly string[]).includes(v) ? (v as Tier) : undefined;

/** Reads the list query from the URL search params (the URL is the source of truth for filters). */
export function parseQuery(sp: URLSearchParams): Required<Pick<CustomerQuery, 'page' | 'pageSize'>> & CustomerQuery {
  const page = Math.max(1, Number.parseInt(sp.get('page') ?? '1', 10) || 1);
  const ps = Number.parseInt(sp.get('pageSize') ?? '20', 10);
  const managed = sp.get('managed');
  return {
    page,
    pageSize: PAGE_SIZES.includes(ps) ? ps : 20,
    tier: asTier(sp.get('tier')),
    band: asTier(sp.get('band')),
    orgId: sp.get('orgId') || undefined,
    rmId: sp.get('rmId') || undefined,
    q: sp.get('q')?.trim() || undefined,
    managed: managed === 'true' || managed === 'false' ? managed : undefined,
  };
}

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toTreeOptions = (nodes: OrgTreeNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.orgId, title: n.name, children: n.children ? toTreeOptions(n.children) : undefined }));

function RmCell({ row }: { row: CustomerRow }) {
  const { t } = useTranslation();
  if (row.rmName) return <span>{row.rmName}</span>;
  if (row.tier === 'mass') return <span className="gh-muted">—</span>;
  return <Tag color="red">{t('customers.unassigned')}</Tag>;
}

export default function CustomerListPage() {
  const me = useCurrentUser();
  const rmView = isRmRole(me.role);
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => parseQuery(sp), [sp]);
  const customers = useCustomers(query);
  const orgs = useOrgTree({ enabled: !rmView });
  const staff = useStaff({ orgId: query.orgId }, { enabled: !rmView });
  // The search box follows the URL (back/forward, links) but is editable in between.
  const [search, setSearch] = useState(query.q ?? '');
  const [searchFor, setSearchFor] = useState(query.q);
  if (searchFor !== query.q) {
    setSearchFor(query.q);
    setSearch(query.q ?? '');
  }

  // Keep the last known total so the pager does not jump while a new page loads.
  const [lastTotal, setLastTotal] = useState(0);
  if (customers.data && customers.data.total !== lastTotal) setLastTotal(customers.data.total);
  const total = customers.data?.total ?? lastTotal;

  const update = (patch: Partial<Record<keyof CustomerQuery, string | number | undefined>>, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };

  const hasFilters = !!(query.tier || query.band || query.orgId || query.rmId || query.q || query.managed);
  const treeData = useMemo(() => (orgs.data ? toTreeOptions(buildOrgTree(orgs.data as OrgNode[])) : []), [orgs.data]);
  const rmOptions = useMemo(
    () =>
      (staff.data ?? [])
        .filter((s) => RM_ROLES.includes(s.role))
        .map((s) => ({ value: s.staffId, label: `${s.name} · ${s.staffId}` })),
    [staff.data],
  );
  const tierOptions = TIERS.map((tier) => ({ value: tier, label: t(`tier.${tier}`) }));
  const bandOptions = TIERS.filter((x) => x !== 'mass').map((tier) => ({
    value: tier,
    label: t('band.near', { tier: t(`tierShort.${tier}`) }),
  }));

  const columns: TableColumnsType<CustomerRow> = [
    {
      key: 'customerId',
      title: t('customers.col.customerId'),
      dataIndex: 'customerId',
      render: (id: string) => (
        <Link to={`/customers/${encodeURIComponent(id)}`} onClick={(e) => e.stopPropagation()} className="gh-mono">
          {id}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('customers.col.name'),
      dataIndex: 'name',
      render: (v: string) => <span data-testid="customer-name">{v}</span>,
    },
    { key: 'tier', title: t('customers.col.tier'), dataIndex: 'tier', render: (v: Tier) => <TierTag tier={v} /> },
    {
      key: 'band',
      title: t('customers.col.band'),
      dataIndex: 'band',
      render: (v: Tier | null) => (v ? <BandTag band={v} /> : <span className="gh-muted">—</span>),
    },
    {
      key: 'monthAvgAum',
      title: t('customers.col.monthAvgAum'),
      dataIndex: 'monthAvgAum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    {
      key: 'aum',
      title: t('customers.col.aum'),
      dataIndex: 'aum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    { key: 'rm', title: t('customers.col.rm'), dataIndex: 'rmName', render: (_: unknown, row) => <RmCell row={row} /> },
    { key: 'org', title: t('customers.col.org'), dataIndex: 'orgName', ellipsis: true },
  ];

  const filters = (
    <div className="gh-filters">
      <Input.Search
        className="gh-filter-search"
        allowClear
        placeholder={t('customers.search')}
        aria-label={t('customers.search')}
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          if (!e.target.value && query.q) update({ q: undefined });
        }}
        onSearch={(v) => update({ q: v.trim() || undefined })}
        enterButton={<SearchOutlined />}
        name="q"
        data-testid="customer-search"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.tier')}
        aria-label={t('customers.filter.tier')}
        value={query.tier}
        options={tierOptions}
        onChange={(v?: Tier) => update({ tier: v })}
        data-testid="filter-tier"
      />
      <Select
        allowClear
        placeholder={t('customers.filter.band')}
        aria-label={t('customers.filter.band')}
        value={query.band}
        options={bandOptions}
        onChange={(v?: Tier) => update({ band: v })}
        data-testid="filter-band"
      />
      {!rmView && (
        <>
          <TreeSelect
            allowClear
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('customers.filter.org')}
            aria-label={t('customers.filter.org')}
            value={query.orgId}
            treeData={treeData}
            treeDefaultExpandedKeys={treeData.map((n) => n.value)}
            loading={orgs.isLoading}
            onChange={(v?: string) => update({ orgId: v })}
            data-testid="filter-org"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('customers.filter.rm')}
            aria-label={t('customers.filter.rm')}
            value={query.rmId}
            options={rmOptions}
            loading={staff.isLoading}
            onChange={(v?: string) => update({ rmId: v })}
            data-testid="filter-rm"
          />
          <Select
            allowClear
            placeholder={t('customers.filter.managed')}
            aria-label={t('customers.filter.managed')}
            value={query.managed}
            options={[
              { value: 'true', label: t('customers.managed.true') },
              { value: 'false', label: t('customers.managed.false') },
            ]}
            onChange={(v?: string) => update({ managed: v })}
            data-testid="filter-managed"
          />
        </>
      )}
      {hasFilters && (
        <Button onClick={() => setSp(new URLSearchParams())} data-testid="filter-clear">
          {t('common.clear')}
        </Button>
      )}
    </div>
  );

  const onPage = (page: number, pageSize: number) =>
    update(
      { page: page > 1 ? page : undefined, pageSize: pageSize !== 20 ? pageSize : undefined },
      pageSize === query.pageSize,
    );

  const header = (
    <div className="gh-page-head">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {rmView ? t('customers.myTitle') : t('customers.title')}
      </Typography.Title>
      {customers.data && (
        <span className="gh-muted">
          {t('customers.totalPrefix')}{' '}
          <span data-testid="customer-total" className="gh-num">
            {customers.data.total}
          </span>{' '}
          {t('customers.totalSuffix')}
        </span>
      )}
    </div>
  );

  const items = customers.data?.items ?? [];
  let body;
  if (customers.isError) {
    body = <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />;
  } else if (isMobile) {
    body = (
      <Spin spinning={customers.isFetching}>
        <div className="gh-card-list" aria-busy={customers.isFetching}>
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
          {!customers.isFetching && items.length === 0 && <Empty description={t('customers.empty')} />}
        </div>
      </Spin>
    );
  } else {
    body = (
      <Table<CustomerRow>
        rowKey="customerId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={customers.isFetching}
        locale={{ emptyText: customers.isFetching ? ' ' : <Empty description={t('customers.empty')} /> }}
        onRow={(row) =>
          ({
            onClick: () => void navigate(`/customers/${encodeURIComponent(row.customerId)}`),
            'data-testid': 'customer-row',
            'data-customer-id': row.customerId,
            className: 'gh-clickable',
          }) as HTMLAttributes<HTMLElement>
        }
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    );
  }

  return (
    <div className="gh-page">
      {header}
      <Card size="small" className="gh-filter-card">
        {filters}
      </Card>
      <Card size="small" className="gh-list-card" styles={{ body: isMobile ? { padding: 8 } : undefined }}>
        {body}
        {total > 0 && !customers.isError && (
          <div className="gh-pager">
            <Pagination
              current={query.page}
              pageSize={query.pageSize}
              total={total}
              simple={isMobile}
              showSizeChanger={!isMobile}
              pageSizeOptions={PAGE_SIZES}
              showTotal={isMobile ? undefined : (n) => t('common.total', { count: n })}
              onChange={onPage}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
