import { RightOutlined } from '@ant-design/icons';
import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { TIERS } from '../../../api/types';
import type { TierDashboard } from '../../../api/tiers';
import { formatInt } from '../../../lib/format';
import { formatYuanCompact } from '../../../lib/money';
import { byMoney, byNumber, byText } from '../../../lib/sorters';

type Child = TierDashboard['children'][number];

/** Children of the node with per-tier counts; a click drills down to that child's dashboard. */
export default function ChildrenTable(props: { rows: Child[]; isMobile: boolean; onOpen: (orgId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>;
  const name: TableColumnsType<Child>[number] = {
    key: 'name',
    title: t('tiers.org'),
    dataIndex: 'name',
    sorter: byText((c) => c.name),
    render: (v: string, c) => (
      <a className="gh-drill" data-testid="tier-child-link" data-org-id={c.orgId}>
        {v} <RightOutlined style={{ fontSize: 10 }} />
      </a>
    ),
  };
  const customers = {
    key: 'customers',
    title: t('tiers.customers'),
    dataIndex: 'customers',
    align: 'right' as const,
    sorter: byNumber((c: Child) => c.customers),
  };
  const near = {
    key: 'near',
    title: t('tiers.nearTotal'),
    dataIndex: 'nearThreshold',
    align: 'right' as const,
    sorter: byNumber((c: Child) => c.nearThreshold),
  };
  const columns: TableColumnsType<Child> = props.isMobile
    ? [name, { ...customers, width: 80, render: num }, { ...near, width: 80, render: num }]
    : [
        name,
        { ...customers, render: num },
        ...TIERS.map((tier) => ({
          key: tier,
          title: t(`tierShort.${tier}`),
          align: 'right' as const,
          sorter: byNumber((c: Child) => c.tiers[tier]),
          render: (_: unknown, c: Child) => num(c.tiers[tier]),
        })),
        { ...near, render: num },
        {
          key: 'aum',
          title: t('tiers.aum'),
          dataIndex: 'aum',
          align: 'right',
          sorter: byMoney((c: Child) => c.aum),
          render: (v: string) => <span className="gh-num">{formatYuanCompact(v, lang)}</span>,
        },
      ];
  if (props.rows.length === 0) return <Empty description={t('tiers.childrenEmpty')} />;
  return (
    <Table<Child>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={props.rows}
      pagination={props.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
      tableLayout={props.isMobile ? 'fixed' : undefined}
      onRow={(c) =>
        ({
          onClick: () => props.onOpen(c.orgId),
          className: 'gh-clickable',
          'data-testid': 'tier-child',
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
