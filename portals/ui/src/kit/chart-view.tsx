import { createSignal, For, Index, onCleanup, onMount, Show } from 'solid-js';
import { barShapes, categoryX, chartMax, labelEvery, lineShapes, niceTicks, type Box, type ChartProps } from './chart-model';

// The brand colour first, then hues that stay apart for common colour blindness, then muted.
const TONES = ['var(--brand)', '#d9822b', '#2e8b57', '#7a4fa3', '#c23b5a', '#3a9fbf', '#8a6d3b', 'var(--muted)'];
const tone = (index: number) => TONES[index % TONES.length]!;

/**
 * An SVG bar or line chart sized to its container, with a legend and a table of the same
 * figures for screen readers (the drawing itself is hidden from them). Loaded by `Chart` only
 * when a page shows one.
 */
export default function ChartView(props: ChartProps) {
  let plot: HTMLDivElement | undefined;
  const [width, setWidth] = createSignal(600);
  const height = () => props.height ?? 240;
  const axis = (value: number) => (props.axisFormat ?? props.format)(value);
  onMount(() => {
    if (!plot) return;
    setWidth(Math.max(240, plot.clientWidth));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => plot && setWidth(Math.max(240, plot.clientWidth)));
    observer.observe(plot);
    onCleanup(() => observer.disconnect());
  });
  const ticks = () => niceTicks(Math.max(chartMax(props.data), props.max ?? 0), 4, props.integer);
  const top = () => ticks()[ticks().length - 1]!;
  const box = (): Box => ({ width: width(), height: height(), left: Math.min(96, Math.max(48, ...ticks().map((v) => axis(v).length * 7 + 8))), bottom: 24, top: 8 });
  const yAt = (value: number) => box().height - box().bottom - ((box().height - box().bottom - box().top) * value) / top();
  const every = () => labelEvery(props.data.categories.length, width() - box().left, props.data.kind === 'line' ? 56 : 72);
  const legend = () => props.legend ?? props.data.series.map((s, i) => ({ name: s.name, tone: s.tone ?? i, faded: s.faded }));
  return (
    <figure class="chart" style={{ margin: '0' }}>
      <Show when={props.title}>
        <figcaption style={{ 'font-weight': '600', 'margin-bottom': '0.5rem' }}>{props.title}</figcaption>
      </Show>
      <div ref={plot} style={{ width: '100%', overflow: 'hidden' }}>
        <svg width={width()} height={height()} viewBox={`0 0 ${width()} ${height()}`} aria-hidden="true" data-chart={props.data.kind} style={{ display: 'block', 'font-size': '11px' }}>
          <For each={ticks()}>
            {(value) => (
              <g>
                <line x1={box().left} x2={width()} y1={yAt(value)} y2={yAt(value)} style={{ stroke: 'var(--border)' }} />
                <text x={box().left - 6} y={yAt(value) + 4} text-anchor="end" style={{ fill: 'var(--muted)' }}>
                  {axis(value)}
                </text>
              </g>
            )}
          </For>
          <Show
            when={props.data.kind === 'bar'}
            fallback={
              <For each={lineShapes(props.data, box(), top())}>
                {(line) => (
                  <g>
                    <polyline points={line.points.map((p) => `${p.x},${p.y}`).join(' ')} style={{ fill: 'none', stroke: tone(line.tone), 'stroke-width': '2' }} />
                    <Show when={line.points.length <= 40}>
                      <For each={line.points}>{(p) => <circle cx={p.x} cy={p.y} r="2.5" style={{ fill: tone(line.tone) }} />}</For>
                    </Show>
                  </g>
                )}
              </For>
            }
          >
            <For each={barShapes(props.data, box(), top())}>
              {(bar) => <rect data-series={bar.series} x={bar.x} y={bar.y} width={bar.width} height={bar.height} style={{ fill: tone(bar.tone), 'fill-opacity': bar.faded ? '0.45' : '1' }} />}
            </For>
          </Show>
          <Index each={categoryX(props.data, box())}>
            {(x, c) => (
              <Show when={c % every() === 0}>
                <text x={x()} y={height() - 6} text-anchor="middle" style={{ fill: 'var(--muted)' }}>
                  {props.data.categories[c]}
                </text>
              </Show>
            )}
          </Index>
        </svg>
      </div>
      <ul aria-hidden="true" style={{ display: 'flex', 'flex-wrap': 'wrap', gap: '0.25rem 1rem', 'list-style': 'none', padding: '0', margin: '0.5rem 0 0', 'font-size': '0.875rem' }}>
        <For each={legend()}>
          {(item) => (
            <li style={{ display: 'flex', 'align-items': 'center', gap: '0.375rem' }}>
              <span style={{ display: 'inline-block', width: '0.75rem', height: '0.75rem', 'border-radius': '2px', background: tone(item.tone), opacity: item.faded ? '0.45' : '1' }} />
              {item.name}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.note}>
        <p class="muted" style={{ 'font-size': '0.875rem', margin: '0.25rem 0 0' }}>
          {props.note}
        </p>
      </Show>
      {/* A table box ignores overflow and width, so the clipping box is a div around it. */}
      <div class="visually-hidden">
      <table data-chart-alternative>
        <caption>{props.title ?? props.label}</caption>
        <thead>
          <tr>
            <th scope="col">{props.categoryHeader}</th>
            <For each={props.data.series}>{(s) => <th scope="col">{s.name}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <Index each={props.data.categories}>
            {(category, c) => (
              <tr>
                <th scope="row">{props.categoryNames?.[c] ?? category()}</th>
                <For each={props.data.series}>{(s) => <td>{props.format(s.values[c] ?? null)}</td>}</For>
              </tr>
            )}
          </Index>
        </tbody>
      </table>
      </div>
    </figure>
  );
}
