import { useTranslation } from 'react-i18next';
import type { Coverage } from '../../../api/stewardship';
import Chart, { type ChartOption } from '../../../charts/Chart';

/** Coverage rate and idle rate (%) over the stored days. */
export default function CoverageTrend({ trend }: { trend: Coverage['trend'] }) {
  const { t } = useTranslation();
  const pct = (r: number | null) => (r == null ? null : Math.round(r * 1000) / 10);
  const one = trend.length <= 1;
  const option: ChartOption = {
    color: ['#1f4e9c', '#d46b08'],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v == null ? '—' : `${String(v)}%`) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => p.date.slice(5)) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('stewardship.coverageRate'), data: trend.map((p) => pct(p.coverageRate)) },
      { name: t('stewardship.idleRateName'), data: trend.map((p) => pct(p.idleRate)) },
    ].map((x) => ({
      ...x,
      type: 'line',
      symbol: one ? 'circle' : 'none',
      symbolSize: 8,
      // a single stored day is a dot: say its value
      label: { show: one, position: 'top', formatter: '{c}%' },
    })),
  };
  return (
    <div data-testid="cov-trend" data-points={trend.length}>
      <Chart option={option} height={260} />
    </div>
  );
}
