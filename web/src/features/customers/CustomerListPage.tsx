import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Pagination, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { useCustomers } from '../../api/hooks';
import { isRmRole } from '../../api/types';
import { useIsMobile } from '../../lib/useIsMobile';
import { formatInt } from '../../lib/format';
import { useCurrentUser } from '../auth/session';
import { ErrorState } from '../shell/states';
import CustomerCards from './list/CustomerCards';
import CustomerTable from './list/CustomerTable';
import FiltersBar from './list/FiltersBar';
import { downloadCustomerList } from './list/exportList';
import { defaultOrder, PAGE_SIZES, parseQuery, SORT_KEYS } from './list/query';
import type { SortKey, UpdateQuery } from './list/query';

/** Customer list: filters in the URL, a table on desktop and cards on a phone. */
export default function CustomerListPage() {
  const me = useCurrentUser();
  const rmView = isRmRole(me.role);
  const { t, i18n } = useTranslation();
  const isMobile = useIsMobile();
  const [sp, setSp] = useSearchParams();
  const query = useMemo(() => parseQuery(sp), [sp]);
  const customers = useCustomers(query);

  // Keep the last known total so the pager does not jump while a new page loads.
  const [lastTotal, setLastTotal] = useState(0);
  if (customers.data && customers.data.total !== lastTotal) setLastTotal(customers.data.total);
  const total = customers.data?.total ?? lastTotal;

  const update: UpdateQuery = (patch, keepPage = false) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || v === null) next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setSp(next);
  };

  const onPage = (page: number, pageSize: number) =>
    update(
      { page: page > 1 ? page : undefined, pageSize: pageSize !== 20 ? pageSize : undefined },
      pageSize === query.pageSize,
    );

  const sort = query.sort ?? 'monthAvgAum';
  const tableSort = { sort, order: query.order ?? defaultOrder(sort) };
  // The default order stays out of the URL, so a tile's link and the list it opens read the same.
  const onSort = (s: { sort: SortKey; order: 'asc' | 'desc' } | undefined) =>
    update(
      !s || (s.sort === 'monthAvgAum' && s.order === 'desc')
        ? { sort: undefined, order: undefined }
        : { sort: s.sort, order: s.order === defaultOrder(s.sort) ? undefined : s.order },
    );

  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const onExport = async () => {
    setExporting(true);
    try {
      await downloadCustomerList(query);
    } catch (e) {
      const d = isApiError(e) ? (e.details as { rows?: number; limit?: number } | undefined) : undefined;
      if (isApiError(e) && e.code === 'EXPORT_TOO_LARGE' && d?.limit !== undefined)
        void message.error(t('customerList.exportTooLarge', { rows: d.rows ?? total, limit: d.limit }), 8);
      else void message.error(t('customerList.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  const items = customers.data?.items ?? [];
  const loading = customers.isFetching;
  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {rmView ? t('customers.myTitle') : t('customers.title')}
        </Typography.Title>
        {customers.data && (
          <span className="gh-muted">
            {t('customers.totalPrefix')}{' '}
            <span data-testid="customer-total" className="gh-num">
              {formatInt(customers.data.total, i18n.language)}
            </span>{' '}
            {t('customers.totalSuffix')}
          </span>
        )}
        {!rmView && (
          <Button
            className="gh-page-head-action"
            icon={<DownloadOutlined />}
            loading={exporting}
            disabled={!customers.data || customers.data.total === 0}
            onClick={() => void onExport()}
            data-testid="customer-export"
          >
            {t('customerList.export')}
          </Button>
        )}
      </div>
      <Card size="small" className="gh-filter-card">
        <FiltersBar query={query} update={update} onClear={() => setSp(new URLSearchParams())} rmView={rmView} />
        {isMobile && (
          <Select
            className="gh-sort-select"
            aria-label={t('customerList.sortBy')}
            value={`${tableSort.sort}:${tableSort.order}`}
            onChange={(v: string) => {
              const [k, o] = v.split(':') as [SortKey, 'asc' | 'desc'];
              onSort({ sort: k, order: o });
            }}
            options={SORT_KEYS.flatMap((k) =>
              (['desc', 'asc'] as const).map((o) => ({
                value: `${k}:${o}`,
                label: `${t(`customers.col.${k}`)} ${t(`customerList.order.${o}`)}`,
              })),
            )}
            data-testid="customer-sort"
          />
        )}
      </Card>
      <Card size="small" className="gh-list-card" styles={{ body: isMobile ? { padding: 8 } : undefined }}>
        {customers.isError ? (
          <ErrorState error={customers.error} onRetry={() => void customers.refetch()} />
        ) : isMobile ? (
          <CustomerCards items={items} loading={loading} />
        ) : (
          <CustomerTable items={items} loading={loading} sort={tableSort} onSort={onSort} />
        )}
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
