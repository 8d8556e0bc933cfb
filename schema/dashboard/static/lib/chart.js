// Charts drawn by uPlot (npm package "uplot", served at /admin/assets/vendor/, loaded on first
// use): lines over days, and horizontal stacked bars for named groups (providers, services,
// reasons, methods), so that long names stay readable on a phone. Every chart has its own legend
// (real values, not the stacked sums) and a CSV link with the numbers it draws.
import { el } from "./dom.js";
import { locale, t } from "./i18n.js";

export const COLORS = ["#2f6fed", "#16a34a", "#f59e0b", "#dc2626", "#7c3aed", "#0891b2", "#db2777", "#65a30d"];

let loading = null;

/** uPlot, loaded once (a classic script: our CSP allows only our own scripts, no inline code). */
function uPlotLib() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      document.head.append(el("link", { rel: "stylesheet", href: "/admin/assets/vendor/uplot.css" }));
      const script = el("script", { src: "/admin/assets/vendor/uplot.js" });
      script.addEventListener("load", () => resolve(window.uPlot));
      script.addEventListener("error", () => reject(new Error("chart library did not load")));
      document.head.append(script);
    });
  }
  return loading;
}

/** Axis steps for counts and amounts: whole numbers only. */
const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 50000, 100000, 250000, 500000, 1000000];

const live = new Set();
let resizeTimer;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    for (const chart of live) {
      if (!chart.root.isConnected) live.delete(chart);
      else chart.setSize({ width: widthOf(chart.root.parentElement), height: chart.height });
    }
  }, 150);
});

const widthOf = (box) => Math.max(260, Math.floor(box.clientWidth || box.getBoundingClientRect().width || 320));
const compact = (n) => (Math.abs(n) >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : Math.abs(n) >= 1e4 ? `${Math.round(n / 1e3)}k` : new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(n));
const short = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The report's CSV (made by the server, the same rows the chart draws) as a download link. */
export function csvLink(fileName, text, title) {
  const href = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
  return el("a", { class: "csv", href, download: fileName, title: t("reports.csvOf", { title }), "aria-label": t("reports.csvOf", { title }) }, t("reports.csv"));
}

/** The chart's frame: title, CSV link, plot box, legend. */
export function chartBox(id, title, csv) {
  const plot = el("div", { class: "plot" });
  const legend = el("div", { class: "legend" });
  const box = el("article", { class: "chart", id: `chart-${id}`, dataset: { chart: id } }, el("header", {}, el("h3", {}, title), csv), plot, legend);
  return { box, plot, legend };
}

function drawLegend(legend, series) {
  legend.replaceChildren(...series.map((s) => el("span", {}, el("i"), s.label, s.total !== undefined ? ` · ${s.total}` : "")));
  series.forEach((s, i) => (legend.children[i].firstChild.style.background = s.color));
}

/** Lines over UTC days (YYYY-MM-DD). series: [{ label, values, color, total? }]. */
export async function lineChart(parts, days, series) {
  const uPlot = await uPlotLib();
  if (!days.length) return void parts.plot.replaceChildren(el("p", { class: "empty" }, t("reports.empty")));
  const xs = days.map((d) => Date.parse(`${d}T00:00:00Z`) / 1000);
  const height = 220;
  const chart = new uPlot({
    width: widthOf(parts.plot), height, legend: { show: false }, cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: [
      { values: (_u, splits) => splits.map((s) => new Date(s * 1000).toLocaleDateString(locale(), { day: "numeric", month: "short", timeZone: "UTC" })), space: 60, size: 34 },
      { values: (_u, splits) => splits.map(compact), size: 50, incrs: COUNT_STEPS },
    ],
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, fill: s.fill ?? undefined, points: { show: days.length <= 31 } }))],
  }, [xs, ...series.map((s) => s.values.map(Number))], parts.plot);
  chart.height = height;
  live.add(chart);
  drawLegend(parts.legend, series);
  return chart;
}

/**
 * Horizontal stacked bars, one per named group. series: [{ label, values, color }]: each value is
 * one segment; segments stack left to right in series order.
 */
export async function stackedBars(parts, names, series, { percent = false } = {}) {
  const uPlot = await uPlotLib();
  if (!names.length) return void parts.plot.replaceChildren(el("p", { class: "empty" }, t("reports.empty")));
  const xs = names.map((_n, i) => i);
  // Cumulative sums, drawn from the widest down so each segment shows its own colour.
  const sums = [];
  series.forEach((s, i) => sums.push(s.values.map((v, j) => Number(v) + (i ? sums[i - 1][j] : 0))));
  const height = Math.max(140, 34 * names.length + 40);
  const narrow = widthOf(parts.plot) < 480;
  const labels = names.map((name) => short(name, narrow ? 13 : 28));
  // The axis size holds the tick marks, the gap and the text (about 7.5 px a character at 12 px).
  const labelWidth = Math.min(narrow ? 130 : 250, 26 + 7.5 * Math.max(...labels.map((l) => l.length)));
  const bars = uPlot.paths.bars({ size: [0.7, 28] });
  const chart = new uPlot({
    width: widthOf(parts.plot), height, legend: { show: false }, cursor: { show: false },
    // Group 0 on top (dir -1), as in a table.
    scales: { x: { time: false, ori: 1, dir: -1, range: [-0.5, names.length - 0.5] }, y: { ori: 0, range: (_u, _min, max) => [0, percent ? 100 : Math.max(1, max * 1.05)] } },
    axes: [
      { scale: "x", side: 3, splits: () => xs, values: (_u, splits) => splits.map((i) => labels[i] ?? ""), size: labelWidth, gap: 4, grid: { show: false } },
      { scale: "y", side: 2, values: (_u, splits) => splits.map((v) => (percent ? `${v}%` : compact(v))), size: 30, incrs: COUNT_STEPS },
    ],
    series: [{}, ...series.map((s, i) => ({ label: s.label, fill: s.color, stroke: s.color, width: 0, paths: bars, points: { show: false }, _i: i })).reverse()],
  }, [xs, ...sums.slice().reverse()], parts.plot);
  chart.height = height;
  live.add(chart);
  drawLegend(parts.legend, series);
  return chart;
}
