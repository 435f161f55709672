/**
 * What a chart draws, as plain numbers: the series, the scale and the shapes. Pure, so the
 * drawing code stays thin and this part is tested without a browser.
 */

/** One series: its values per category (null: nothing to show). Bars with the same `stack` pile up; lines ignore it. */
export type ChartSeries = { name: string; values: readonly (number | null)[]; stack?: string; tone?: number; faded?: boolean };

export type ChartData = { kind: 'bar' | 'line'; categories: readonly string[]; series: readonly ChartSeries[] };

export type Box = { width: number; height: number; left: number; bottom: number; top: number };

export type BarShape = { series: number; category: number; x: number; y: number; width: number; height: number; tone: number; faded: boolean };

export type LineShape = { series: number; tone: number; points: { x: number; y: number }[] };

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) from 0 to at least `max`, about `count` of them; whole steps for counts when `integer`. */
export function niceTicks(max: number, count = 4, integer = false): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const step = integer ? Math.max(1, Math.ceil(nice)) : nice;
  const ticks: number[] = [];
  for (let value = 0; value < max + step / 2 && ticks.length <= count + 1; value += step) ticks.push(value);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

/** The stacks of a bar chart in first-seen order; a series without `stack` stands alone. */
export function stacks(series: readonly ChartSeries[]): string[] {
  return [...new Set(series.map((s, i) => s.stack ?? `#${i}`))];
}

/** The highest point the chart must show: the tallest stack, or the largest value of a line. */
export function chartMax(data: ChartData): number {
  let max = 0;
  data.categories.forEach((_, c) => {
    if (data.kind === 'line') {
      for (const s of data.series) max = Math.max(max, s.values[c] ?? 0);
      return;
    }
    const sums = new Map<string, number>();
    data.series.forEach((s, i) => {
      const key = s.stack ?? `#${i}`;
      sums.set(key, (sums.get(key) ?? 0) + Math.max(0, s.values[c] ?? 0));
    });
    for (const sum of sums.values()) max = Math.max(max, sum);
  });
  return max;
}

const yOf = (box: Box, top: number) => (value: number) => box.height - box.bottom - ((box.height - box.bottom - box.top) * value) / top;

/** Rectangles of a bar chart: per category one slot, in it one bar per stack, series piled up. */
export function barShapes(data: ChartData, box: Box, top: number): BarShape[] {
  const keys = stacks(data.series);
  const slot = (box.width - box.left) / Math.max(1, data.categories.length);
  const barWidth = Math.max(2, Math.min(48, (slot * 0.8) / keys.length));
  const y = yOf(box, top);
  const shapes: BarShape[] = [];
  data.categories.forEach((_, c) => {
    const base = new Map<string, number>();
    const start = box.left + c * slot + (slot - barWidth * keys.length) / 2;
    data.series.forEach((s, i) => {
      const key = s.stack ?? `#${i}`;
      const value = Math.max(0, s.values[c] ?? 0);
      const below = base.get(key) ?? 0;
      base.set(key, below + value);
      if (value === 0) return;
      const y0 = y(below);
      const y1 = y(below + value);
      shapes.push({ series: i, category: c, x: start + keys.indexOf(key) * barWidth, y: y1, width: barWidth - 1, height: Math.max(1, y0 - y1), tone: s.tone ?? i, faded: s.faded ?? false });
    });
  });
  return shapes;
}

/** Points of a line chart: categories spread evenly, first and last at the edges of the plot; a null value leaves its point out. */
export function lineShapes(data: ChartData, box: Box, top: number): LineShape[] {
  const span = Math.max(1, data.categories.length - 1);
  const step = (box.width - box.left - 8) / span;
  const y = yOf(box, top);
  return data.series.map((s, i) => ({
    series: i,
    tone: s.tone ?? i,
    points: data.categories.flatMap((_, c) => {
      const value = s.values[c];
      return value === null || value === undefined ? [] : [{ x: box.left + 4 + c * step, y: y(value) }];
    }),
  }));
}

/** The x position of each category's label (the centre of its slot or its point). */
export function categoryX(data: ChartData, box: Box): number[] {
  if (data.kind === 'line') {
    const span = Math.max(1, data.categories.length - 1);
    return data.categories.map((_, c) => box.left + 4 + (c * (box.width - box.left - 8)) / span);
  }
  const slot = (box.width - box.left) / Math.max(1, data.categories.length);
  return data.categories.map((_, c) => box.left + c * slot + slot / 2);
}

/** Every n-th label so that labels of `labelWidth` px do not overlap; always the first. */
export function labelEvery(count: number, plotWidth: number, labelWidth: number): number {
  if (count <= 1) return 1;
  return Math.max(1, Math.ceil((count * labelWidth) / Math.max(1, plotWidth)));
}

/** What a page gives `Chart`: the data, how to write a value, and the texts around it. */
export type ChartProps = {
  data: ChartData;
  /** A value as the text alternative and tooltips write it (money through the one formatter). */
  format: (value: number | null) => string;
  /** A shorter form for the axis (compact money); `format` by default. */
  axisFormat?: (value: number | null) => string;
  /** Shown above the chart and as the table's caption. */
  title?: string;
  /** The caption when there is no visible title. */
  label?: string;
  /** The first column's header of the text alternative (e.g. "Month"). */
  categoryHeader: string;
  /** Longer category names for the text alternative than the axis has room for. */
  categoryNames?: readonly string[];
  /** Legend entries when several series share a colour (default: one per series). */
  legend?: readonly { name: string; tone: number; faded?: boolean }[];
  /** A line under the legend, e.g. how to read faded bars. */
  note?: string;
  height?: number;
  /** The top of the scale at least (5 for CSAT, 100 for a percentage). */
  max?: number;
  /** Whole numbers only on the axis (counts). */
  integer?: boolean;
};
