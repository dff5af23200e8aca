import { useTranslation } from 'react-i18next';
import Chart, { CHART_COLORS } from '../../../charts/Chart';
import type { Customer360 } from '../../../api/types';
import { axisYuan, chartYuan, formatYuan, formatYuanCompact } from '../../../lib/money';
import { formatMonth } from '../../../lib/format';

/** Donut of holdings by asset class. */
export function AllocationChart({ data }: { data: Customer360['holdingsByClass'] }) {
  const { t } = useTranslation();
  const rows = data.filter((d) => chartYuan(d.amount) > 0);
  const option = {
    color: CHART_COLORS,
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const r = rows[p.dataIndex];
        return r ? `${t(`assetClass.${r.assetClass}`)}<br/>${formatYuan(r.amount)} (${r.sharePct.toFixed(1)}%)` : '';
      },
    },
    legend: {
      bottom: 0,
      icon: 'circle',
      itemWidth: 8,
      itemHeight: 8,
      textStyle: { fontSize: 12 },
      formatter: (name: string) => {
        const r = rows.find((x) => t(`assetClass.${x.assetClass}`) === name);
        return r ? `${name} ${r.sharePct.toFixed(0)}%` : name;
      },
    },
    series: [
      {
        type: 'pie',
        radius: ['45%', '72%'],
        center: ['50%', '42%'],
        label: { show: false },
        emphasis: { scale: true, scaleSize: 4 },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: rows.map((r) => ({ name: t(`assetClass.${r.assetClass}`), value: chartYuan(r.amount) })),
      },
    ],
  };
  return <Chart option={option} height={260} testId="allocation-chart" />;
}

/** Every month "YYYY-MM" from `first` to `last` ("YYYY-MM") inclusive, so a missing month shows as a gap. */
function monthsBetween(first: string, last: string): string[] {
  const index = (ym: string) => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
  const start = index(first);
  const count = Math.min(Math.max(index(last) - start + 1, 1), 600);
  return Array.from({ length: count }, (_, i) => {
    const k = start + i;
    return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
  });
}

/**
 * Monthly average and month-end AUM on a category axis of months: the axis runs from the first
 * to the last month with data (the current month), with no empty months after it.
 */
export function AumHistoryChart({ data }: { data: Customer360['aumHistory'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byMonth = new Map(data.map((r) => [formatMonth(r.month), r]));
  const keys = [...byMonth.keys()].sort();
  const months = keys.length ? monthsBetween(keys[0]!, keys[keys.length - 1]!) : [];
  const series = (pick: (r: Customer360['aumHistory'][number]) => string) =>
    months.map((mo) => {
      const r = byMonth.get(mo);
      return r ? chartYuan(pick(r)) : null;
    });
  const option = {
    color: CHART_COLORS.slice(0, 2),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null ? '—' : formatYuanCompact(Number(v).toFixed(2), lang)),
    },
    legend: { top: 0, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: months },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => axisYuan(v, lang) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    series: [
      {
        name: t('c360.seriesAvg'),
        type: 'line',
        smooth: true,
        symbolSize: 6,
        areaStyle: { opacity: 0.08 },
        data: series((r) => r.avgAum),
      },
      {
        name: t('c360.seriesEnd'),
        type: 'line',
        smooth: true,
        symbolSize: 6,
        lineStyle: { type: 'dashed' },
        data: series((r) => r.endAum),
      },
    ],
  };
  return <Chart option={option} height={260} testId="aum-history-chart" />;
}
