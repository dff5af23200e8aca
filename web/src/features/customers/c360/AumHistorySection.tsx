import { Card, Empty } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from '../../../api/types';
import { ChartFallback } from './AllocationSection';

const AumHistoryChart = lazy(() => import('./charts').then((m) => ({ default: m.AumHistoryChart })));

/** Monthly AUM (average and month-end) up to the latest month. */
export default function AumHistorySection({ data }: { data: Customer360['aumHistory'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('c360.aumHistory')} size="small">
      {data.length === 0 ? (
        <Empty description={t('c360.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Suspense fallback={<ChartFallback />}>
          <AumHistoryChart data={data} />
        </Suspense>
      )}
    </Card>
  );
}
