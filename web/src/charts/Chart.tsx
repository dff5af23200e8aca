import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import type { CSSProperties } from 'react';

echarts.use([LineChart, BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Palette shared by the charts (asset classes, series). */
export const CHART_COLORS = ['#1f4e9c', '#3ba272', '#fac858', '#ee6666', '#73c0de', '#9a60b4', '#fc8452'];

export default function Chart(props: {
  option: ChartOption;
  height?: number;
  style?: CSSProperties;
  onEvents?: Record<string, (params: unknown) => void>;
  testId?: string;
  /** the series names in stack order, for tests and assistive tools reading the DOM */
  'data-series'?: string;
}) {
  return (
    <div data-testid={props.testId} data-series={props['data-series']} style={{ width: '100%', minWidth: 0 }}>
      <ReactEChartsCore
        echarts={echarts}
        option={props.option}
        notMerge
        lazyUpdate
        onEvents={props.onEvents}
        style={{ height: props.height ?? 260, width: '100%', ...props.style }}
        opts={{ renderer: 'canvas' }}
      />
    </div>
  );
}
