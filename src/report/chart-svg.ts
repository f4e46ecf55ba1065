// Server-side chart rendering: an ECharts option in, a self-contained SVG string out. No browser,
// no DOM; each chart instance is disposed after rendering.
import * as echarts from 'echarts';

/** A rendered chart the note embeds: stable id (used in file names), title, the SVG markup. */
export interface RenderedChart {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
}

export interface ChartSize {
  /** Pixels; default 760. */
  readonly width?: number;
  /** Pixels; default 300. */
  readonly height?: number;
}

/** Shared look: a quiet palette and font so every chart in the note matches. */
export const CHART_PALETTE = ['#1f4e79', '#c0504d', '#7f7f7f', '#2e8b57', '#d9822b'] as const;

/**
 * Renders an ECharts option to SVG with the SSR renderer (animation off). The option's own
 * settings win over the shared defaults (palette, font, background).
 */
export function renderChartSvg(option: echarts.EChartsCoreOption, size: ChartSize = {}): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width ?? 760,
    height: size.height ?? 300,
  });
  try {
    chart.setOption({
      animation: false,
      color: [...CHART_PALETTE],
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: 'Helvetica, Arial, sans-serif', fontSize: 11 },
      ...option,
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
