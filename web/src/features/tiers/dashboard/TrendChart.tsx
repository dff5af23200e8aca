import { useTranslation } from 'react-i18next';
import { TIERS } from '../../../api/types';
import type { TierDashboard } from '../../../api/tiers';
import Chart, { type ChartOption } from '../../../charts/Chart';

const COLORS: Record<(typeof TIERS)[number], string> = {
  mass: '#a0a7b4',
  premium: '#1f4e9c',
  affluent: '#3ba272',
  wealth: '#d4a017',
  private: '#9a60b4',
};

/** Stacked area per tier over the summarised dates. Mass starts hidden: it dwarfs the tiers that matter. */
export default function TrendChart({ trend }: { trend: TierDashboard['trend'] }) {
  const { t } = useTranslation();
  const name = (tier: string) => t(`tierShort.${tier}`);
  const option: ChartOption = {
    color: TIERS.map((tier) => COLORS[tier]),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, selected: { [name('mass')]: false } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((p) => p.date.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: TIERS.map((tier) => ({
      name: name(tier),
      type: 'line',
      stack: 'tiers',
      areaStyle: { opacity: 0.25 },
      symbol: trend.length > 1 ? 'none' : 'circle',
      symbolSize: 8,
      data: trend.map((p) => p.customers[tier]),
    })),
  };
  // the drawn range, for people reading the DOM (screen readers get the dates, tests the count)
  return (
    <div
      data-testid="tier-trend-range"
      data-points={trend.length}
      aria-label={trend.length ? `${trend[0]!.date} – ${trend[trend.length - 1]!.date}` : undefined}
    >
      <Chart option={option} height={280} testId="tier-trend" />
    </div>
  );
}
