import { barShapes, categoryX, chartMax, labelEvery, lineShapes, niceTicks, stacks, type ChartData } from '../../../portals/ui/src/kit/chart-model';

const box = { width: 500, height: 200, left: 100, bottom: 20, top: 10 };

describe('chart scale', () => {
  it('steps by 1, 2, 2.5 or 5 × 10ⁿ up to the maximum', () => {
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1_234_567)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
    expect(niceTicks(0)).toEqual([0, 1]);
    // Counts never step by a half.
    expect(niceTicks(2)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(2, 4, true)).toEqual([0, 1, 2]);
    expect(niceTicks(5, 4, true)).toEqual([0, 2, 4, 6]);
  });

  it('takes the tallest stack of bars, the largest point of lines', () => {
    const bars: ChartData = {
      kind: 'bar',
      categories: ['a', 'b'],
      series: [
        { name: 'x', values: [3, 10], stack: 'best' },
        { name: 'y', values: [4, 1], stack: 'best' },
        { name: 'z', values: [9, 2] },
      ],
    };
    expect(chartMax(bars)).toBe(11);
    expect(chartMax({ ...bars, kind: 'line' })).toBe(10);
    expect(stacks(bars.series)).toEqual(['best', '#2']);
  });
});

describe('chart shapes', () => {
  const data: ChartData = {
    kind: 'bar',
    categories: ['Dec', 'Jan'],
    series: [
      { name: 'new', values: [50, 0], stack: 'best', tone: 0 },
      { name: 'won', values: [50, 100], stack: 'best', tone: 1 },
      { name: 'weighted', values: [25, 10], stack: 'weighted', tone: 0, faded: true },
    ],
  };

  it('piles series of a stack and sets stacks side by side in each category', () => {
    const shapes = barShapes(data, box, 100);
    // A zero value draws nothing: 5 bars, not 6.
    expect(shapes).toHaveLength(5);
    const [first, second, third] = shapes;
    // The plot is 170 px tall (200 − 20 − 10); 50 of 100 is 85 px.
    expect(first).toMatchObject({ series: 0, category: 0, y: 95, height: 85, tone: 0, faded: false });
    expect(second).toMatchObject({ series: 1, category: 0, y: 10, height: 85, x: first!.x });
    expect(third).toMatchObject({ series: 2, faded: true, x: first!.x + first!.width + 1 });
    expect(shapes.every((s) => s.x >= box.left && s.x + s.width <= box.width)).toBe(true);
  });

  it('spreads line points from edge to edge and centres bar labels in their slots', () => {
    const [line] = lineShapes({ ...data, kind: 'line' }, box, 100);
    expect(line!.points.map((p) => p.x)).toEqual([104, 496]);
    expect(line!.points.map((p) => p.y)).toEqual([95, 180]);
    expect(categoryX(data, box)).toEqual([200, 400]);
  });

  it('labels every n-th category when labels would overlap', () => {
    expect(labelEvery(30, 300, 56)).toBe(6);
    expect(labelEvery(4, 600, 72)).toBe(1);
  });
});
