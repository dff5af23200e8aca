import { Card, Empty, Pagination, Spin, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { releaseExportUrl, useRelease, type ReleaseItem } from '../../api/stewardship';
import { isRmRole } from '../../api/types';
import { formatDate } from '../../lib/format';
import { formatYuan, formatYuanCompact } from '../../lib/money';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../auth/session';
import { BandTag, TierTag } from '../customers/tags';
import { ErrorState } from '../shell/states';
import ListHead from './ListHead';

function ActionTag({ action }: { action: ReleaseItem['action'] }) {
  const { t } = useTranslation();
  return <Tag color={action === 'keep_near_threshold' ? 'orange' : 'default'}>{t(`releaseAction.${action}`)}</Tag>;
}

/** 管户资产过低客户: customers below premium held by an RM, with the suggested action; an RM sees their own. */
export default function ReleasePage() {
  const me = useCurrentUser();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const isMobile = useIsMobile();
  const [sp, setSp] = useSearchParams();
  const orgId = sp.get('orgId') || undefined;
  const page = Math.max(1, Number.parseInt(sp.get('page') ?? '1', 10) || 1);
  const pageSize = 20;
  const q = useRelease({ orgId, page, pageSize });
  const items = q.data?.items ?? [];
  const rm = isRmRole(me.role);
  const customer = (r: ReleaseItem) => (
    <span className="gh-near-cust">
      <span className="gh-near-name" data-testid="customer-name">
        {r.name}
      </span>
      <Link to={`/customers/${encodeURIComponent(r.customerId)}`} className="gh-mono gh-small">
        {r.customerId}
      </Link>
    </span>
  );
  const columns: TableColumnsType<ReleaseItem> = [
    { key: 'customer', title: t('near.col.customer'), render: (_: unknown, r) => customer(r) },
    {
      key: 'tier',
      title: t('near.col.tier'),
      render: (_: unknown, r) => (
        <span className="gh-tags">
          <TierTag tier={r.tier} short />
          <BandTag band={r.band} />
        </span>
      ),
    },
    {
      key: 'avg',
      title: t('near.col.monthAvg'),
      dataIndex: 'monthAvgAum',
      align: 'right',
      render: (v: string) => <span className="gh-num">{formatYuan(v)}</span>,
    },
    ...(rm
      ? []
      : [
          {
            key: 'rm',
            title: t('stewardship.col.rm'),
            render: (_: unknown, r: ReleaseItem) => <span title={r.rmId}>{r.rmName}</span>,
          },
        ]),
    { key: 'org', title: t('stewardship.col.org'), dataIndex: 'orgName' },
    {
      key: 'last',
      title: t('stewardship.col.lastContact'),
      dataIndex: 'lastValidContactOn',
      render: (v: string | null) => formatDate(v),
    },
    { key: 'action', title: t('stewardship.col.action'), render: (_: unknown, r) => <ActionTag action={r.action} /> },
  ];
  return (
    <div className="gh-page" data-testid="release">
      <ListHead
        title={rm ? t('stewardship.releaseMyTitle') : t('stewardship.releaseTitle')}
        exportUrl={rm ? undefined : releaseExportUrl({ orgId })}
        disabled={!q.data || q.data.total === 0}
        testId="release-export"
      />
      <div className="gh-muted gh-small">{t('stewardship.releaseHint')}</div>
      <Card size="small" styles={{ body: { padding: isMobile ? 8 : 12 } }}>
        {q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : isMobile ? (
          <Spin spinning={q.isFetching}>
            <div className="gh-card-list">
              {items.map((r) => (
                <Link
                  key={r.customerId}
                  to={`/customers/${encodeURIComponent(r.customerId)}`}
                  className="gh-ccard"
                  data-testid="release-row"
                >
                  <div className="gh-ccard-top">
                    <span className="gh-ccard-name" data-testid="customer-name">
                      {r.name}
                    </span>
                    <TierTag tier={r.tier} short />
                    <BandTag band={r.band} />
                    <span className="gh-ccard-aum gh-num">{formatYuanCompact(r.monthAvgAum, lang)}</span>
                  </div>
                  <div className="gh-ccard-sub">
                    <span className="gh-ellipsis">{rm ? r.orgName : `${r.rmName} · ${r.orgName}`}</span>
                    <ActionTag action={r.action} />
                  </div>
                </Link>
              ))}
              {!q.isFetching && items.length === 0 && <Empty description={t('stewardship.releaseEmpty')} />}
            </div>
          </Spin>
        ) : (
          <Table<ReleaseItem>
            rowKey="customerId"
            size="small"
            loading={q.isFetching}
            columns={columns}
            dataSource={items}
            pagination={false}
            locale={{ emptyText: <Empty description={t('stewardship.releaseEmpty')} /> }}
            onRow={() => ({ 'data-testid': 'release-row' }) as React.HTMLAttributes<HTMLElement>}
            scroll={{ x: 'max-content' }}
          />
        )}
        {q.data && q.data.total > 0 && (
          <div className="gh-pager">
            <span className="gh-muted gh-small gh-pager-note" data-testid="release-total">
              {t('common.total', { count: q.data.total })}
              {q.data.asOf ? ` · ${t('near.asOf', { date: q.data.asOf })}` : ''}
            </span>
            <Pagination
              current={page}
              pageSize={pageSize}
              total={q.data.total}
              simple={isMobile}
              showSizeChanger={false}
              onChange={(p) => {
                const next = new URLSearchParams(sp);
                if (p > 1) next.set('page', String(p));
                else next.delete('page');
                setSp(next);
              }}
            />
          </div>
        )}
      </Card>
    </div>
  );
}
