import { Empty, Table } from 'antd';
import type { TableColumnsType, TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRow, Tier } from '../../../api/types';
import { formatYuan } from '../../../lib/money';
import { BandTag, TierTag } from '../tags';
import RmCell from './RmCell';
import { defaultOrder, SORT_KEYS } from './query';
import type { SortKey } from './query';

export interface TableSort {
  sort: SortKey;
  order: 'asc' | 'desc';
}

/**
 * Desktop list: one clickable row per customer. Sorting is the server's (the whole filtered list,
 * not the page): a header click reports the column and direction through `onSort`.
 */
export default function CustomerTable({
  items,
  loading,
  sort,
  onSort,
}: {
  items: CustomerRow[];
  loading: boolean;
  sort: TableSort;
  onSort: (s: TableSort | undefined) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const sortable = (key: SortKey) => ({
    sorter: true,
    sortDirections: (defaultOrder(key) === 'desc' ? ['descend', 'ascend'] : ['ascend', 'descend']) as (
      'ascend' | 'descend'
    )[],
    sortOrder: sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
  });
  const onChange: TableProps<CustomerRow>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = s?.columnKey as SortKey | undefined;
    if (!s?.order || !key || !SORT_KEYS.includes(key)) onSort(undefined);
    else onSort({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
  };
  const columns: TableColumnsType<CustomerRow> = [
    {
      key: 'customerId',
      title: t('customers.col.customerId'),
      ...sortable('customerId'),
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
      ...sortable('name'),
      dataIndex: 'name',
      render: (v: string) => <span data-testid="customer-name">{v}</span>,
    },
    {
      key: 'tier',
      title: t('customers.col.tier'),
      ...sortable('tier'),
      dataIndex: 'tier',
      render: (v: Tier) => <TierTag tier={v} />,
    },
    {
      key: 'band',
      title: t('customers.col.band'),
      dataIndex: 'band',
      render: (v: Tier | null) => (v ? <BandTag band={v} /> : <span className="gh-muted">—</span>),
    },
    {
      key: 'monthAvgAum',
      title: t('customers.col.monthAvgAum'),
      ...sortable('monthAvgAum'),
      dataIndex: 'monthAvgAum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    {
      key: 'aum',
      title: t('customers.col.aum'),
      ...sortable('aum'),
      dataIndex: 'aum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    {
      key: 'rm',
      title: t('customers.col.rm'),
      ...sortable('rm'),
      dataIndex: 'rmName',
      render: (_: unknown, row) => <RmCell row={row} />,
    },
    { key: 'org', title: t('customers.col.org'), dataIndex: 'orgName', ellipsis: true },
  ];

  return (
    <Table<CustomerRow>
      rowKey="customerId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      onChange={onChange}
      showSorterTooltip={false}
      locale={{ emptyText: loading ? ' ' : <Empty description={t('customers.empty')} /> }}
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
