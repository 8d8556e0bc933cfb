// One order as a table row with its ⋮ menu, and the order detail dialog; shared by every page
// that lists orders. Which actions an order offers comes from the server (Order.allowedActions).
import { $, el } from "./dom.js";
import { badge, STATUS_LABEL, when, who } from "./format.js";
import { gql, successType, unwrap } from "./gql.js";
import { openMenu } from "./menu.js";
import { act } from "./toast.js";

export const ROW = `fragment Row on Order {
  id createdAt status allowedActions isManual link quantity charge refunded stuck stuckReason resubmitCount
  providerOrderId providerStatus providerError failureReason
  user { id username firstName } service { id nameEn } provider { id name }
}`;

/** The ⋮ menu item for each admin action. */
const ACTION_ITEMS = {
  TAKE: ["Take (in progress)", (order) => orderMutation("takeManualOrder", order, "Taken")],
  MARK_DONE: ["Mark done", (order) => orderMutation("completeManualOrder", order, "Done")],
  RESUBMIT: ["Resubmit order", (order) => resubmit(order)],
  RECONCILE_NOT_PLACED: ["Reconcile: not placed, send again", (order) => reconcile(order, "NOT_PLACED")],
  RECONCILE_NOT_PLACED_REFUND: ["Reconcile: not placed, cancel and refund", (order) => reconcile(order, "NOT_PLACED_REFUND")],
  RECONCILE_PLACED: ["Reconcile: placed upstream as #…", (order) => reconcile(order, "PLACED")],
  SYNC: ["Sync status", (order) => orderMutation("syncOrder", order, "Synced")],
  CANCEL: ["Cancel and refund", (order) => confirm(`Cancel order #${order.id} and refund it?`) && orderMutation("cancelOrder", order, "Canceled")],
};

function orderActions(order) {
  const items = [["Details", () => showDetails(order.id)]];
  for (const action of order.allowedActions) {
    const item = ACTION_ITEMS[action];
    if (item) items.push([item[0], () => item[1](order)]);
  }
  return items;
}

export function orderRow(order) {
  const provider = [order.provider ? order.provider.name : order.isManual ? "manual" : "—"];
  if (order.providerOrderId) provider.push(el("div", { class: "muted" }, `upstream #${order.providerOrderId}`));
  if (order.providerError) provider.push(el("div", { class: "error-text" }, order.providerError));
  const status = [badge(order.status)];
  if (order.stuck) status.push(" ", el("span", { class: "badge stuck", title: order.stuckReason || "" }, "Stuck"));
  if (order.resubmitCount) status.push(el("div", { class: "muted" }, `resubmitted ×${order.resubmitCount}`));
  return el("tr", { dataset: { orderId: order.id } },
    el("td", {}, order.id),
    el("td", {}, when(order.createdAt)),
    el("td", {}, who(order.user)),
    el("td", {}, order.service.nameEn, el("div", { class: "muted link", title: order.link }, order.link)),
    el("td", {}, order.quantity),
    el("td", {}, order.charge),
    el("td", { class: "status" }, status),
    el("td", {}, provider),
    el("td", { class: "actions" }, el("button", {
      type: "button", class: "menu-button", "aria-label": `Actions for order #${order.id}`, "aria-haspopup": "true",
      onclick: (event) => openMenu(event.currentTarget, orderActions(order)),
    }, "⋮")),
  );
}

function replaceOrderRow(order) {
  for (const row of document.querySelectorAll(`tr[data-order-id="${order.id}"]`)) row.replaceWith(orderRow(order));
}

async function orderMutation(field, order, done, { defs = "", args = "", variables = {} } = {}) {
  await act(field, async () => {
    const data = await gql(
      `mutation($id: Int!${defs}) { result: ${field}(orderId: $id${args}) {
        __typename ... on Error { message } ... on ${successType(field)} { data { ...Row } } } } ${ROW}`,
      { id: order.id, ...variables },
    );
    const updated = unwrap(data.result);
    replaceOrderRow(updated);
    return `Order #${order.id}: ${done} (${STATUS_LABEL[updated.status]})`;
  });
}

function resubmit(order) {
  if (!confirm(`Resubmit order #${order.id} to ${order.provider ? order.provider.name : "its provider"}?`)) return;
  return orderMutation("resubmitOrder", order, "resubmitted");
}

function reconcile(order, decision) {
  if (decision === "PLACED") {
    const providerOrderId = prompt(`Provider's order id for #${order.id}:`);
    if (!providerOrderId) return;
    return orderMutation("reconcileUnknownOrder", order, "recorded", {
      defs: ", $decision: ReconcileDecision!, $providerOrderId: String",
      args: ", decision: $decision, providerOrderId: $providerOrderId",
      variables: { decision, providerOrderId },
    });
  }
  const outcome = decision === "NOT_PLACED" ? "It will be sent again." : "It will be cancelled and refunded.";
  if (!confirm(`You checked the provider's panel and order #${order.id} is not there? ${outcome}`)) return;
  return orderMutation("reconcileUnknownOrder", order, decision === "NOT_PLACED" ? "sent again" : "refunded", { defs: ", $decision: ReconcileDecision!", args: ", decision: $decision", variables: { decision } });
}

export async function showDetails(id) {
  await act("Details", async () => {
    const { order } = await gql(
      `query($id: Int!) { order(id: $id) {
        ...Row customerStatus cost providerServiceId providerCharge providerCurrency startCount remains adminNotes
        lastStatusCheck lastResubmitAt completedAt canceledAt
        providerCalls { id createdAt action httpStatus latencyMs outcome error request response }
        auditEntries { createdAt actorLabel action before after }
      } } ${ROW}`,
      { id },
    );
    if (!order) throw new Error("Not found");
    const facts = [
      ["Status", badge(order.status)], ["Customer sees", STATUS_LABEL[order.customerStatus]], ["User", who(order.user)],
      ["Service", `${order.service.nameEn} (#${order.service.id})`], ["Link / UID", order.link], ["Quantity", order.quantity],
      ["Charge", order.charge], ["Refunded", order.refunded], ["Cost", order.cost ?? "—"],
      ["Provider", order.provider ? `${order.provider.name} · service ${order.providerServiceId ?? "—"}` : "—"],
      ["Provider order", order.providerOrderId ?? "—"], ["Provider status", order.providerStatus ?? "—"],
      ["Provider error", order.providerError ?? "—"], ["Failure reason", order.failureReason ?? "—"],
      ["Start count / remains", `${order.startCount ?? "—"} / ${order.remains ?? "—"}`],
      ["Resubmits", `${order.resubmitCount} (last ${when(order.lastResubmitAt)})`], ["Last status check", when(order.lastStatusCheck)],
      ["Stuck", order.stuck ? order.stuckReason || "yes" : "no"], ["Admin notes", order.adminNotes ?? "—"],
    ];
    $("#details-body").replaceChildren(
      el("h2", {}, `Order #${order.id}`),
      el("dl", { class: "grid" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      el("h3", {}, "Provider calls"),
      el("table", {}, el("thead", {}, el("tr", {}, ["When", "Action", "HTTP", "ms", "Outcome", "Request", "Response"].map((h) => el("th", {}, h)))),
        el("tbody", {}, order.providerCalls.map((c) => el("tr", {},
          el("td", {}, when(c.createdAt)), el("td", {}, c.action), el("td", {}, c.httpStatus ?? "—"), el("td", {}, c.latencyMs),
          el("td", {}, c.outcome, c.error ? el("div", { class: "error-text" }, c.error) : null),
          el("td", {}, el("pre", {}, JSON.stringify(c.request))), el("td", {}, el("pre", {}, c.response ?? "")))))),
      el("h3", {}, "Audit"),
      el("table", {}, el("tbody", {}, order.auditEntries.map((a) => el("tr", {},
        el("td", {}, when(a.createdAt)), el("td", {}, a.actorLabel), el("td", {}, a.action),
        el("td", {}, el("pre", {}, `${JSON.stringify(a.before)} → ${JSON.stringify(a.after)}`)))))),
    );
    $("#details").showModal();
  });
}
