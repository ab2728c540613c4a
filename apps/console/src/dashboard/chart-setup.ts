import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

/**
 * Chart.js is tree-shaken: only the bar and line charts the dashboard draws, their scales, the
 * legend and tooltips are registered (and bundled).
 */
Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito), on white. */
export const seriesColours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00"] as const;
