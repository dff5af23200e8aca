import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRow, Tier } from '../../../api/types';
import { formatYuan } from '../../../lib/money';
import { BandTag, TierTag } from '../tags';
import RmCell from './RmCell';

/** Desktop list: one clickable row per customer. */
export default function CustomerTable({ items, loading }: { items: CustomerRow[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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

  return (
    <Table<CustomerRow>
      rowKey="customerId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
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
