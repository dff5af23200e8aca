import { Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { NearThresholdItem } from '../../../api/tiers';
import { formatYuan } from '../../../lib/money';
import { TierTag } from '../../customers/tags';

export function RmOrUnassigned({ row }: { row: NearThresholdItem }) {
  const { t } = useTranslation();
  if (!row.rmId) return <Tag color="red">{t('customers.unassigned')}</Tag>;
  return <span title={row.rmId}>{row.rmName}</span>;
}

/** Desktop near-threshold list; the gap to the floor is the column that matters. */
export default function NearTable({ items, loading }: { items: NearThresholdItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const columns: TableColumnsType<NearThresholdItem> = [
    {
      key: 'customer',
      title: t('near.col.customer'),
      render: (_: unknown, r) => (
        <span className="gh-near-cust">
          <span data-testid="customer-name" className="gh-near-name">
            {r.name}
          </span>
          <Link to={`/customers/${encodeURIComponent(r.customerId)}`} className="gh-mono gh-small">
            {r.customerId}
          </Link>
        </span>
      ),
    },
    { key: 'tier', title: t('near.col.tier'), dataIndex: 'tier', render: (v) => <TierTag tier={v} /> },
    {
      key: 'avg',
      title: t('near.col.monthAvg'),
      dataIndex: 'monthAvgAum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    {
      key: 'floor',
      title: t('near.col.floor'),
      dataIndex: 'floor',
      align: 'right',
      render: (v: string) => <span className="gh-num gh-muted">{formatYuan(v)}</span>,
    },
    {
      key: 'gap',
      title: t('near.col.gap'),
      dataIndex: 'gap',
      align: 'right',
      render: (v: string) => (
        <span className="gh-num gh-gap" data-testid="near-gap">
          {formatYuan(v)}
        </span>
      ),
    },
    { key: 'rm', title: t('near.col.rm'), render: (_: unknown, r) => <RmOrUnassigned row={r} /> },
    { key: 'org', title: t('near.col.org'), dataIndex: 'orgName' },
  ];
  return (
    <Table<NearThresholdItem>
      rowKey="customerId"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('near.empty') }}
      onRow={(r) =>
        ({
          'data-testid': 'near-threshold-row',
          'data-customer-id': r.customerId,
          className: 'gh-clickable',
          onClick: () => void navigate(`/customers/${encodeURIComponent(r.customerId)}`),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
