// The CSV of an ECharts chart as drawn: every series' points joined on their x value (a date, a
// category or a number), one column per series, so a chart without a page-specific CSV still
// downloads what it shows.
import type { ECharts } from 'echarts/core';
import type { CsvTable } from '../csv.js';

interface SeriesOption {
  readonly name?: string;
  readonly data?: readonly unknown[];
}

/** An x value as a CSV cell: epoch milliseconds become ISO dates, the rest stays as written. */
function xCell(x: unknown): string {
  if (typeof x === 'number' && x > 1e11) return new Date(x).toISOString().slice(0, 10);
  return String(x);
}

/** One point's [x, y]; y null when it is not a finite number. */
function point(item: unknown, i: number, categories: readonly unknown[] | undefined): [string, number | null] | null {
  const raw =
    item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { value?: unknown }).value : item;
  if (Array.isArray(raw)) {
    const y = Number(raw[1]);
    return [xCell(raw[0]), Number.isFinite(y) ? y : null];
  }
  const y = Number(raw);
  return [xCell(categories?.[i] ?? i), Number.isFinite(y) ? y : null];
}

/** The chart's series as a table: header x (or "date") and one column per named series. */
export function echartsCsv(chart: ECharts): CsvTable {
  const option = chart.getOption() as { series?: SeriesOption[]; xAxis?: { data?: unknown[] }[] };
  const categories = option.xAxis?.[0]?.data;
  const series = (option.series ?? []).filter((s) => Array.isArray(s.data) && s.data.length > 0);
  const columns = series.map((s) => {
    const values = new Map<string, number | null>();
    s.data!.forEach((item, i) => {
      const p = point(item, i, categories);
      if (p) values.set(p[0], p[1]);
    });
    return values;
  });
  const xs = [...new Set(columns.flatMap((c) => [...c.keys()]))];
  const dated = xs.length > 0 && xs.every((x) => /^\d{4}-\d{2}-\d{2}$/.test(x));
  if (dated) xs.sort();
  return {
    header: [dated ? 'date' : 'x', ...series.map((s, i) => s.name ?? `series_${i + 1}`)],
    rows: xs.map((x) => [x, ...columns.map((c) => c.get(x) ?? null)]),
  };
}
