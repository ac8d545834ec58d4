// Chart.js with only the parts the rollout charts use (bars, lines, two axes, legend, tooltip),
// so the rest is left out of the bundle. Chart.js draws on a canvas with no eval and no inline
// script, which the app's CSP (`script-src 'self'`) requires. Tests replace this module.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
);

Chart.defaults.font.family =
  "system-ui, -apple-system, 'Segoe UI', Roboto, Cantarell, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 12;
Chart.defaults.color = '#5a6473';
Chart.defaults.borderColor = '#e6e9ee';

export { Chart };
export type { ChartConfiguration, ChartData, ChartDataset, ChartOptions } from 'chart.js';
