import { RightOutlined } from '@ant-design/icons';
import { Empty, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageChild } from '../../../api/stewardship';
import { formatInt } from '../../../lib/format';
import { byNumber, byText } from '../../../lib/sorters';
import { pct } from './CoverageTiles';

/** The node's children with their figures; a click drills down. Phones keep name, coverage and idle. */
export default function CoverageChildren(props: {
  rows: CoverageChild[];
  isMobile: boolean;
  onOpen: (orgId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const num = (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>;
  const count = (key: keyof CoverageChild & string, title: string) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
    sorter: byNumber((c: CoverageChild) => Number(c[key])),
    render: num,
  });
  const rate = {
    key: 'rate',
    title: t('stewardship.coverageRate'),
    align: 'right' as const,
    sorter: byNumber((c: CoverageChild) => c.coverageRate ?? -1),
    render: (_: unknown, c: CoverageChild) => <b className="gh-num">{pct(c.coverageRate)}</b>,
  };
  const name: TableColumnsType<CoverageChild>[number] = {
    key: 'name',
    title: t('tiers.org'),
    dataIndex: 'name',
    sorter: byText((c) => c.name),
    render: (v: string, c) => (
      <a className="gh-drill" data-testid="cov-child-link" data-org-id={c.orgId}>
        {v} <RightOutlined style={{ fontSize: 10 }} />
      </a>
    ),
  };
  const columns: TableColumnsType<CoverageChild> = props.isMobile
    ? [name, { ...rate, width: 72 }, { ...count('idle', t('stewardship.tile.idle')), width: 64 }]
    : [
        name,
        count('eligible', t('stewardship.tile.eligible')),
        rate,
        count('managed', t('stewardshipState.managed')),
        count('idle', t('stewardship.tile.idle')),
        count('unmanaged', t('stewardshipState.unmanaged')),
        count('orphaned', t('stewardshipState.orphaned')),
        count('wrongRole', t('stewardshipState.wrong_role')),
        count('overCapRms', t('stewardship.tile.overCap')),
        count('release', t('stewardship.tile.release')),
      ];
  if (props.rows.length === 0) return <Empty description={t('tiers.childrenEmpty')} />;
  return (
    <Table<CoverageChild>
      rowKey="orgId"
      size="small"
      columns={columns}
      dataSource={props.rows}
      pagination={props.rows.length > 50 ? { pageSize: 50, size: 'small' } : false}
      tableLayout={props.isMobile ? 'fixed' : undefined}
      scroll={props.isMobile ? undefined : { x: 'max-content' }}
      onRow={(c) =>
        ({
          onClick: () => props.onOpen(c.orgId),
          className: 'gh-clickable',
          'data-testid': 'cov-child',
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
