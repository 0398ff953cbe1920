import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

// Only what the dashboard draws: bars, axes, legend, tooltips, drawn as SVG (crisp, and the
// labels are text in the page), with ECharts' generated description for screen readers.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer]);

export function Chart({
  option,
  height,
  label,
  testId,
  onPick,
}: {
  option: EChartsCoreOption;
  height: number;
  label: string;
  testId?: string;
  /** A bar (or its axis label) was clicked: the category's index, for a drill-down. */
  onPick?: (index: number) => void;
}) {
  return (
    <div role="img" aria-label={label} data-testid={testId} style={{ width: '100%', overflow: 'hidden' }}>
      <ReactEChartsCore
        echarts={echarts}
        option={{ aria: { enabled: true }, ...option }}
        style={{ height, width: '100%' }}
        notMerge
        opts={{ renderer: 'svg' }}
        {...(onPick
          ? {
              onEvents: {
                click: (p: { dataIndex?: number }) => {
                  if (typeof p.dataIndex === 'number') onPick(p.dataIndex);
                },
              },
            }
          : {})}
      />
    </div>
  );
}
