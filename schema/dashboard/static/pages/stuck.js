// Stuck orders and the last 30 days' figures.
import { $, el } from "../lib/dom.js";
import { pct, when } from "../lib/format.js";
import { stuckReasonText, t } from "../lib/i18n.js";
import { gql } from "../lib/gql.js";
import { orderRow, ROW } from "../lib/order-row.js";
import { labelled } from "../lib/dom.js";
import { act } from "../lib/toast.js";

async function loadHealth() {
  await act(t("stuck.title"), async () => {
    const data = await gql(`{
      stuckSummary { stuckCount lastCheck issuesFound ordersChecked stuckByReason { status count } }
      stuck: orders(first: 50, filter: { stuck: true }) { nodes { ...Row } }
      dashboardStats { totalOrders successRate resubmitRate providerLatency { providerName calls p50Ms p95Ms } daily { day revenue cost } }
    } ${ROW}`);
    const s = data.stuckSummary;
    const reasons = s.stuckByReason.map((r) => `${stuckReasonText(r.status)}: ${r.count}`).join(", ");
    $("#stuck-summary").textContent = t("stuck.summary", { n: s.stuckCount, reasons: reasons ? ` (${reasons})` : "", when: when(s.lastCheck), checked: s.ordersChecked, issues: s.issuesFound });
    $("#stuck-rows").replaceChildren(...data.stuck.nodes.map(orderRow));
    const st = data.dashboardStats;
    const revenue = st.daily.reduce((sum, d) => sum + Number(d.revenue), 0);
    const cost = st.daily.reduce((sum, d) => sum + Number(d.cost), 0);
    $("#stats").textContent = t("stuck.stats", { orders: st.totalOrders, success: pct(st.successRate), resubmit: pct(st.resubmitRate), revenue: revenue.toFixed(2), cost: cost.toFixed(2) });
    $("#latency-rows").replaceChildren(...st.providerLatency.map((p) => labelled(el("tr", {}, el("td", {}, p.providerName), el("td", {}, p.calls), el("td", {}, p.p50Ms), el("td", {}, p.p95Ms)), ["col.provider", "col.calls", "p50 ms", "p95 ms"])));
  });
}

export default { id: "health", label: "nav.health", load: loadHealth };
