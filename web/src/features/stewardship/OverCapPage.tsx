import { Card, Empty, Progress, Spin, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { overCapExportUrl, useOverCap, type OverCapItem } from '../../api/stewardship';
import { formatInt } from '../../lib/format';
import { byNumber, byText } from '../../lib/sorters';
import { useIsMobile } from '../../lib/useIsMobile';
import { ErrorState } from '../shell/states';
import ListHead from './ListHead';

/** 超容量客户经理: RMs whose book exceeds their role's cap, largest excess first. */
export default function OverCapPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const [sp] = useSearchParams();
  const orgId = sp.get('orgId') || undefined;
  const q = useOverCap({ orgId });
  const items = q.data?.items ?? [];
  const num = (v: number) => <span className="gh-num">{formatInt(v, lang)}</span>;
  const columns: TableColumnsType<OverCapItem> = [
    {
      key: 'name',
      title: t('stewardship.col.rm'),
      dataIndex: 'name',
      sorter: byText((r) => r.name),
      render: (v: string, r) => <span title={r.staffId}>{v}</span>,
    },
    { key: 'role', title: t('stewardship.col.role'), dataIndex: 'role', render: (v: string) => t(`role.${v}`) },
    { key: 'org', title: t('stewardship.col.org'), dataIndex: 'orgName' },
    {
      key: 'load',
      title: t('stewardship.col.load'),
      dataIndex: 'load',
      align: 'right',
      sorter: byNumber((r) => r.load),
      render: num,
    },
    { key: 'cap', title: t('stewardship.col.cap'), dataIndex: 'cap', align: 'right', render: num },
    {
      key: 'excess',
      title: t('stewardship.col.excess'),
      dataIndex: 'excess',
      align: 'right',
      sorter: byNumber((r) => r.excess),
      defaultSortOrder: 'descend',
      render: (v: number) => <b className="gh-num gh-cov-warn">+{formatInt(v, lang)}</b>,
    },
    { key: 'idle', title: t('stewardship.tile.idle'), dataIndex: 'idle', align: 'right', render: num },
  ];
  return (
    <div className="gh-page" data-testid="over-cap">
      <ListHead
        title={t('stewardship.overCapTitle')}
        exportUrl={overCapExportUrl({ orgId })}
        disabled={items.length === 0}
        testId="over-cap-export"
      />
      <Card size="small" styles={{ body: { padding: isMobile ? 8 : 12 } }}>
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : isMobile ? (
          <Spin spinning={q.isFetching}>
            <div className="gh-card-list">
              {items.map((r) => (
                <div key={r.staffId} className="gh-ccard" data-testid="over-cap-row">
                  <div className="gh-ccard-top">
                    <span className="gh-ccard-name">{r.name}</span>
                    <span className="gh-muted gh-small">{t(`role.${r.role}`)}</span>
                    <b className="gh-ccard-aum gh-num gh-cov-warn">+{formatInt(r.excess, lang)}</b>
                  </div>
                  <Progress
                    percent={100}
                    success={{ percent: Math.round((r.cap / r.load) * 100) }}
                    showInfo={false}
                    size="small"
                    status="exception"
                  />
                  <div className="gh-ccard-sub">
                    <span className="gh-ellipsis">{r.orgName}</span>
                    <span className="gh-num">
                      {formatInt(r.load, lang)} / {formatInt(r.cap, lang)}
                    </span>
                  </div>
                </div>
              ))}
              {!q.isFetching && items.length === 0 && <Empty description={t('stewardship.overCapEmpty')} />}
            </div>
          </Spin>
        ) : (
          <Table<OverCapItem>
            rowKey="staffId"
            size="small"
            loading={q.isFetching}
            columns={columns}
            dataSource={items}
            pagination={items.length > 50 ? { pageSize: 50, size: 'small' } : false}
            locale={{ emptyText: <Empty description={t('stewardship.overCapEmpty')} /> }}
            onRow={() => ({ 'data-testid': 'over-cap-row' }) as React.HTMLAttributes<HTMLElement>}
            scroll={{ x: 'max-content' }}
          />
        )}
        {q.data?.asOf && <div className="gh-muted gh-small gh-list-note">{t('near.asOf', { date: q.data.asOf })}</div>}
      </Card>
    </div>
  );
}
