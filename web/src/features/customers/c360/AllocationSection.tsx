import { Card, Empty } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from '../../../api/types';

const AllocationChart = lazy(() => import('./charts').then((m) => ({ default: m.AllocationChart })));

export function ChartFallback() {
  return <div style={{ height: 260 }} />;
}

/** Holdings by asset class (donut). */
export default function AllocationSection({ data }: { data: Customer360['holdingsByClass'] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('c360.holdingsByClass')} size="small">
      {data.length === 0 ? (
        <Empty description={t('c360.holdingsEmpty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Suspense fallback={<ChartFallback />}>
          <AllocationChart data={data} />
        </Suspense>
      )}
    </Card>
  );
}
