// Stuck orders and the last 30 days' figures.
import { $, el } from "../lib/dom.js";
import { when } from "../lib/format.js";
import { gql } from "../lib/gql.js";
import { orderRow, ROW } from "../lib/order-row.js";
import { act } from "../lib/toast.js";

async function loadHealth() {
  await act("Stuck", async () => {
    const data = await gql(`{
      stuckSummary { stuckCount lastCheck issuesFound ordersChecked stuckByReason { status count } }
      stuck: orders(first: 50, filter: { stuck: true }) { nodes { ...Row } }
      dashboardStats { totalOrders successRate resubmitRate providerLatency { providerName calls p50Ms p95Ms } daily { day revenue cost } }
    } ${ROW}`);
    const s = data.stuckSummary;
    const reasons = s.stuckByReason.map((r) => `${r.status}: ${r.count}`).join(", ");
    $("#stuck-summary").textContent = `${s.stuckCount} stuck${reasons ? ` (${reasons})` : ""} · last check ${when(s.lastCheck)} · ${s.ordersChecked} checked, ${s.issuesFound} issues`;
    $("#stuck-rows").replaceChildren(...data.stuck.nodes.map(orderRow));
    const st = data.dashboardStats;
    const pct = (x) => (x === null ? "—" : `${(x * 100).toFixed(1)}%`);
    const revenue = st.daily.reduce((sum, d) => sum + Number(d.revenue), 0);
    const cost = st.daily.reduce((sum, d) => sum + Number(d.cost), 0);
    $("#stats").textContent = `${st.totalOrders} orders · success ${pct(st.successRate)} · resubmitted ${pct(st.resubmitRate)} · revenue ${revenue.toFixed(2)} · cost ${cost.toFixed(2)}`;
    $("#latency-rows").replaceChildren(...st.providerLatency.map((p) => el("tr", {}, el("td", {}, p.providerName), el("td", {}, p.calls), el("td", {}, p.p50Ms), el("td", {}, p.p95Ms))));
  });
}

export default { id: "health", label: "Stuck & stats", load: loadHealth };
