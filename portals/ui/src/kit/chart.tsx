import { lazy, Suspense } from 'solid-js';
import type { ChartProps } from './chart-model';

export type { ChartData, ChartProps, ChartSeries } from './chart-model';

// The drawing code is its own chunk: only pages that show a chart load it.
const ChartView = lazy(() => import('./chart-view'));

/** A bar or line chart with a text alternative; a reserved box of its height while it loads. */
export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<div style={{ height: `${(props.height ?? 240) + 32}px` }} aria-busy="true" />}>
      <ChartView {...props} />
    </Suspense>
  );
}
