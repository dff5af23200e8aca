import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import Chart from '../../charts/Chart';
import type { OrgNode } from '../../api/types';

/**
 * Stacked bars per child unit: eligible but unmanaged at the bottom in warning red (a few dozen
 * next to thousands of mass customers would vanish at the top of the stack), then managed, then
 * the rest (mass) in pale grey — off until its legend entry is clicked, so the axis is scaled to
 * the customers who need an RM.
 */
export const UNMANAGED_COLOR = '#d4380d';
export default function ChildBarChart({ nodes }: { nodes: readonly OrgNode[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = [...nodes].sort((a, b) => b.customers - a.customers).slice(0, 30);
  const option = {
    color: [UNMANAGED_COLOR, '#1f4e9c', '#c9d3e3'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, textStyle: { fontSize: 12 }, selected: { [t('tier.mass')]: false } },
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((n) => n.name),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, fontSize: 11, width: 80, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: `${t('org.eligible')} · ${t('customers.unassigned')}`,
        type: 'bar',
        stack: 'c',
        barMaxWidth: 36,
        // at least a few pixels for any unmanaged customer; nothing drawn for none
        barMinHeight: 6,
        data: rows.map((n) => (n.eligible > n.managed ? n.eligible - n.managed : '-')),
      },
      { name: t('org.managed'), type: 'bar', stack: 'c', data: rows.map((n) => n.managed) },
      { name: t('tier.mass'), type: 'bar', stack: 'c', data: rows.map((n) => Math.max(0, n.customers - n.eligible)) },
    ],
  };
  const onClick = (p: unknown) => {
    const idx = (p as { dataIndex?: number }).dataIndex;
    const n = idx !== undefined ? rows[idx] : undefined;
    if (n) void navigate(`/customers?orgId=${encodeURIComponent(n.orgId)}`);
  };
  return (
    <Chart
      option={option}
      height={240}
      onEvents={{ click: onClick }}
      testId="org-bar-chart"
      data-series={option.series.map((x) => x.name).join('|')}
    />
  );
}

/** Coverage % per child unit, worst first. */
export function CoverageChart({ nodes }: { nodes: readonly OrgNode[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = nodes
    .filter((n) => n.coveragePct !== null)
    .sort((a, b) => (a.coveragePct ?? 0) - (b.coveragePct ?? 0))
    .slice(0, 20);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => `${Number(v).toFixed(1)}%`,
    },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((n) => n.name),
      axisLabel: { width: 90, overflow: 'truncate', fontSize: 11 },
    },
    series: [
      {
        name: t('org.coverage'),
        type: 'bar',
        barMaxWidth: 18,
        data: rows.map((n) => ({
          value: n.coveragePct,
          itemStyle: {
            color: (n.coveragePct ?? 0) >= 90 ? '#3ba272' : (n.coveragePct ?? 0) >= 70 ? '#fac858' : '#ee6666',
          },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { value: number }) => `${Number(p.value).toFixed(0)}%`,
          fontSize: 11,
        },
      },
    ],
  };
  const onClick = (p: unknown) => {
    const idx = (p as { dataIndex?: number }).dataIndex;
    const n = idx !== undefined ? rows[idx] : undefined;
    if (n) void navigate(`/customers?orgId=${encodeURIComponent(n.orgId)}&managed=false`);
  };
  return (
    <Chart
      option={option}
      height={Math.max(160, rows.length * 28 + 24)}
      onEvents={{ click: onClick }}
      testId="coverage-chart"
    />
  );
}
