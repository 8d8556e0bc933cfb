// Reports with charts: orders and revenue per day (30/90 days), outcome rates per provider and
// per service, time to complete, stuck orders by reason, top-ups by method. Each chart's numbers
// are one click away as the server's CSV of the same rows.
import { chartBox, COLORS, csvLink, lineChart, stackedBars } from "../lib/chart.js";
import { el } from "../lib/dom.js";
import { duration } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { currentLanguage, locale, stuckReasonText, t } from "../lib/i18n.js";
import { act } from "../lib/toast.js";

const node = {};

const QUERY = `query($days: Int!) {
  perDay: ordersPerDayReport(days: $days) { __typename ... on Error { message } ... on QueryOrdersPerDayReportSuccess { data { csv rows { day orders completed revenue cost } } } }
  byProvider: providerOutcomeReport(days: $days) { __typename ... on Error { message } ... on QueryProviderOutcomeReportSuccess { data { csv rows { id name orders completed partial canceled failed open successRate partialRate cancelRate failRate } } } }
  byService: serviceOutcomeReport(days: $days) { __typename ... on Error { message } ... on QueryServiceOutcomeReportSuccess { data { csv rows { id name nameBn orders completed partial canceled failed open successRate partialRate cancelRate failRate } } } }
  completion: completionTimeReport(days: $days) { __typename ... on Error { message } ... on QueryCompletionTimeReportSuccess { data { csv rows { fromSec toSec orders } } } }
  stuck: stuckReasonReport { __typename ... on Error { message } ... on QueryStuckReasonReportSuccess { data { csv rows { reason orders held } } } }
  topUps: topUpMethodReport(days: $days) { __typename ... on Error { message } ... on QueryTopUpMethodReportSuccess { data { csv rows { method requests approved rejected pending approvedAmount } } } }
}`;

function build(section) {
  node.days = el("select", { name: "days", id: "report-days" }, el("option", { value: "30" }, t("reports.days30")), el("option", { value: "90" }, t("reports.days90")));
  node.days.addEventListener("change", load);
  node.totals = el("p", { class: "summary", id: "report-totals" });
  node.charts = el("div", { class: "charts", id: "charts" });
  section.append(el("form", { class: "filters" }, el("label", {}, el("span", {}, t("reports.days")), node.days)), node.totals, node.charts);
}

/** A chart card in the grid: its frame now, the drawing once the library is there. */
function card(id, titleKey, csv, draw) {
  const title = t(titleKey);
  const parts = chartBox(id, title, csvLink(`${id}-${node.days.value}d.csv`, csv, title));
  node.charts.append(parts.box);
  return draw(parts);
}

const outcomeSeries = (rows) => [
  { label: t("reports.completed"), values: rows.map((r) => 100 * (r.successRate ?? 0)), color: COLORS[1] },
  { label: t("reports.partial"), values: rows.map((r) => 100 * (r.partialRate ?? 0)), color: COLORS[4] },
  { label: t("reports.canceled"), values: rows.map((r) => 100 * (r.cancelRate ?? 0)), color: COLORS[2] },
  { label: t("reports.failed"), values: rows.map((r) => 100 * (r.failRate ?? 0)), color: COLORS[3] },
];
const money = (amount) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(Number(amount));
const finished = (r) => r.completed + r.partial + r.canceled + r.failed;
const bucketName = (b) => (b.toSec === null ? `≥ ${duration(b.fromSec)}` : `${b.fromSec ? duration(b.fromSec) : "0"} – ${duration(b.toSec)}`);

async function load() {
  await act(t("nav.reports"), async () => {
    const data = await gql(QUERY, { days: Number(node.days.value) });
    const r = Object.fromEntries(Object.entries(data).map(([key, value]) => [key, unwrap(value)]));
    const days = r.perDay.rows;
    const sum = (key) => days.reduce((total, d) => total + Number(d[key]), 0);
    node.totals.textContent = t("reports.totals", { orders: sum("orders"), revenue: sum("revenue").toFixed(2), cost: sum("cost").toFixed(2) });
    node.charts.replaceChildren();
    const providers = r.byProvider.rows.filter((row) => finished(row) > 0);
    const services = r.byService.rows.filter((row) => finished(row) > 0).sort((a, b) => b.orders - a.orders).slice(0, 10);
    await Promise.all([
      card("orders-per-day", "reports.ordersPerDay", r.perDay.csv, (p) => lineChart(p, days.map((d) => d.day), [
        { label: t("reports.orders"), values: days.map((d) => d.orders), color: COLORS[0], total: sum("orders") },
        { label: t("reports.completed"), values: days.map((d) => d.completed), color: COLORS[1], total: sum("completed") },
      ])),
      card("revenue-per-day", "reports.revenuePerDay", r.perDay.csv, (p) => lineChart(p, days.map((d) => d.day), [
        { label: t("reports.revenue"), values: days.map((d) => d.revenue), color: COLORS[0], total: sum("revenue").toFixed(2) },
        { label: t("reports.cost"), values: days.map((d) => d.cost), color: COLORS[3], total: sum("cost").toFixed(2) },
      ])),
      card("outcomes-by-provider", "reports.byProvider", r.byProvider.csv, (p) =>
        stackedBars(p, providers.map((row) => `${row.name ?? t("order.manual")} (${finished(row)})`), outcomeSeries(providers), { percent: true })),
      card("outcomes-by-service", "reports.byService", r.byService.csv, (p) =>
        stackedBars(p, services.map((row) => `${(currentLanguage() === "bn" && row.nameBn) || row.name || "—"} (${finished(row)})`), outcomeSeries(services), { percent: true })),
      card("time-to-complete", "reports.completion", r.completion.csv, (p) =>
        stackedBars(p, r.completion.rows.map(bucketName), [{ label: t("reports.count"), values: r.completion.rows.map((b) => b.orders), color: COLORS[0], total: r.completion.rows.reduce((n, b) => n + b.orders, 0) }])),
      card("stuck-by-reason", "reports.stuckByReason", r.stuck.csv, (p) =>
        stackedBars(p, r.stuck.rows.map((row) => stuckReasonText(row.reason)), [{ label: t("reports.count"), values: r.stuck.rows.map((row) => row.orders), color: COLORS[2], total: r.stuck.rows.reduce((n, row) => n + row.orders, 0) }])),
      card("topups-by-method", "reports.topupsByMethod", r.topUps.csv, (p) =>
        stackedBars(p, r.topUps.rows.map((row) => `${row.method} · ৳${money(row.approvedAmount)}`), [
          { label: t("reports.approved"), values: r.topUps.rows.map((row) => row.approved), color: COLORS[1] },
          { label: t("reports.rejected"), values: r.topUps.rows.map((row) => row.rejected), color: COLORS[3] },
          { label: t("reports.pending"), values: r.topUps.rows.map((row) => row.pending), color: COLORS[2] },
        ])),
    ]);
  });
}

export default { id: "reports", label: "nav.reports", init: build, load };
