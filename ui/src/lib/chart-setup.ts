// Chart.js with only the parts the rollout charts use (bars, lines, two axes, legend, tooltip),
// so the rest is left out of the bundle. Chart.js draws on a canvas with no eval and no inline
// script, which the app's CSP (`script-src 'self'`) requires. Tests replace this module.
import { Chart } from 'chart.js';
// The parts are named once, here, through the namespace; the bundler still keeps only these.
import * as chartjs from 'chart.js';

Chart.register(
  chartjs.BarController,
  chartjs.BarElement,
  chartjs.CategoryScale,
  chartjs.Legend,
  chartjs.LineController,
  chartjs.LineElement,
  chartjs.LinearScale,
  chartjs.PointElement,
  chartjs.Tooltip,
);

Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#5a6473';
Chart.defaults.borderColor = '#e6e9ee';

export { Chart };
export type { ChartConfiguration, ChartData, ChartDataset, ChartOptions } from 'chart.js';
