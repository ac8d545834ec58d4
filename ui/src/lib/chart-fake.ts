// Stands in for Chart.js in Vitest (jsdom has no canvas): keeps what each chart was given, so a
// test can see the figures a chart would draw and that it was updated in place, not remade.
import type { ChartConfiguration } from 'chart.js';

export class FakeChart {
  static instances: FakeChart[] = [];
  data: ChartConfiguration['data'];
  options: ChartConfiguration['options'];
  readonly type: ChartConfiguration['type'];
  updates = 0;
  destroyed = false;
  readonly canvas: HTMLCanvasElement;

  constructor(canvas: HTMLCanvasElement, config: ChartConfiguration) {
    this.canvas = canvas;
    this.type = config.type;
    this.data = config.data;
    this.options = config.options;
    FakeChart.instances.push(this);
  }

  update(): void {
    this.updates += 1;
  }

  destroy(): void {
    this.destroyed = true;
  }

  static register(): void {}

  /** The live chart inside the element with this test id. */
  static of(testid: string): FakeChart | undefined {
    return FakeChart.instances.find(
      (c) => !c.destroyed && c.canvas.closest(`[data-testid="${testid}"]`) !== null,
    );
  }
}
