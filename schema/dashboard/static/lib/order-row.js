// One order as a table row with its ⋮ menu, and the order detail dialog; shared by every page
// that lists orders. Which actions an order offers comes from the server (Order.allowedActions).
import { $, el, labelled } from "./dom.js";
import { badge, statusLabel, when, who } from "./format.js";
import { stuckReasonText, t } from "./i18n.js";
import { gql, successType, unwrap } from "./gql.js";
import { openMenu } from "./menu.js";
import { act } from "./toast.js";

export const ROW = `fragment Row on Order {
  id createdAt status allowedActions isManual link quantity charge refunded stuck stuckReason resubmitCount
  providerOrderId providerStatus providerError failureReason
  user { id username firstName } service { id nameEn } provider { id name }
}`;

/** The ⋮ menu item (text key, run) for each admin action; which ones an order shows is allowedActions. */
const ACTION_ITEMS = {
  TAKE: ["order.take", (order) => orderMutation("takeManualOrder", order, "order.doneTaken")],
  MARK_DONE: ["order.markDone", (order) => orderMutation("completeManualOrder", order, "order.doneDone")],
  RESUBMIT: ["order.resubmit", (order) => resubmit(order)],
  RECONCILE_NOT_PLACED: ["order.reconcileNotPlaced", (order) => reconcile(order, "NOT_PLACED")],
  RECONCILE_NOT_PLACED_REFUND: ["order.reconcileRefund", (order) => reconcile(order, "NOT_PLACED_REFUND")],
  RECONCILE_PLACED: ["order.reconcilePlaced", (order) => reconcile(order, "PLACED")],
  SYNC: ["order.sync", (order) => orderMutation("syncOrder", order, "order.doneSynced")],
  CANCEL: ["order.cancel", (order) => confirm(t("order.confirmCancel", { id: order.id })) && orderMutation("cancelOrder", order, "order.doneCanceled")],
};

function orderActions(order) {
  const items = [[t("order.details"), () => showDetails(order.id)]];
  for (const action of order.allowedActions) {
    const item = ACTION_ITEMS[action];
    if (item) items.push([t(item[0]), () => item[1](order)]);
  }
  return items;
}

const ORDER_COLUMNS = ["#", "col.created", "col.user", "col.service", "col.qty", "col.charge", "col.status", "col.provider", ""];

export function orderRow(order) {
  const provider = [order.provider ? order.provider.name : order.isManual ? t("order.manual") : "—"];
  if (order.providerOrderId) provider.push(el("div", { class: "muted" }, t("order.upstream", { id: order.providerOrderId })));
  if (order.providerError) provider.push(el("div", { class: "error-text" }, order.providerError));
  const status = [badge(order.status)];
  if (order.stuck) status.push(" ", el("span", { class: "badge stuck", title: stuckReasonText(order.stuckReason) }, t("order.stuck")));
  if (order.resubmitCount) status.push(el("div", { class: "muted" }, t("order.resubmitted", { n: order.resubmitCount })));
  return labelled(el("tr", { dataset: { orderId: order.id } },
    el("td", {}, order.id),
    el("td", {}, when(order.createdAt)),
    el("td", {}, who(order.user)),
    el("td", {}, order.service.nameEn, el("div", { class: "muted link", title: order.link }, order.link)),
    el("td", {}, order.quantity),
    el("td", {}, order.charge),
    el("td", { class: "status" }, status),
    el("td", {}, provider),
    el("td", { class: "actions" }, el("button", {
      type: "button", class: "menu-button", "aria-label": t("order.actionsFor", { id: order.id }), "aria-haspopup": "true",
      onclick: (event) => openMenu(event.currentTarget, orderActions(order)),
    }, "⋮")),
  ), ORDER_COLUMNS);
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
    return t("order.done", { id: order.id, what: t(done), status: statusLabel(updated.status) });
  });
}

function resubmit(order) {
  if (!confirm(t("order.confirmResubmit", { id: order.id, provider: order.provider ? order.provider.name : t("order.itsProvider") }))) return;
  return orderMutation("resubmitOrder", order, "order.doneResubmitted");
}

function reconcile(order, decision) {
  if (decision === "PLACED") {
    const providerOrderId = prompt(t("order.askProviderOrderId", { id: order.id }));
    if (!providerOrderId) return;
    return orderMutation("reconcileUnknownOrder", order, "order.doneRecorded", {
      defs: ", $decision: ReconcileDecision!, $providerOrderId: String",
      args: ", decision: $decision, providerOrderId: $providerOrderId",
      variables: { decision, providerOrderId },
    });
  }
  const outcome = t(decision === "NOT_PLACED" ? "order.willSendAgain" : "order.willRefund");
  if (!confirm(t("order.confirmNotPlaced", { id: order.id, outcome }))) return;
  return orderMutation("reconcileUnknownOrder", order, decision === "NOT_PLACED" ? "order.doneSentAgain" : "order.doneRefunded", { defs: ", $decision: ReconcileDecision!", args: ", decision: $decision", variables: { decision } });
}

export async function showDetails(id) {
  await act(t("order.details"), async () => {
    const { order } = await gql(
      `query($id: Int!) { order(id: $id) {
        ...Row customerStatus cost providerServiceId providerCharge providerCurrency startCount remains adminNotes
        lastStatusCheck lastResubmitAt completedAt canceledAt
        refills { id createdAt status providerRefillId providerStatus error }
        providerCalls { id createdAt action httpStatus latencyMs outcome error request response }
        auditEntries { createdAt actorLabel action before after }
      } } ${ROW}`,
      { id },
    );
    if (!order) throw new Error(t("common.notFound"));
    const facts = [
      [t("col.status"), badge(order.status)], [t("order.customerSees"), statusLabel(order.customerStatus)], [t("col.user"), who(order.user)],
      [t("col.service"), `${order.service.nameEn} (#${order.service.id})`], [t("order.link"), order.link], [t("col.qty"), order.quantity],
      [t("col.charge"), order.charge], [t("order.refunded"), order.refunded], [t("order.cost"), order.cost ?? "—"],
      [t("col.provider"), order.provider ? t("order.providerService", { provider: order.provider.name, id: order.providerServiceId ?? "—" }) : "—"],
      [t("order.providerOrder"), order.providerOrderId ?? "—"], [t("order.providerStatus"), order.providerStatus ?? "—"],
      [t("order.providerError"), order.providerError ?? "—"], [t("order.failureReason"), order.failureReason ?? "—"],
      [t("order.startRemains"), `${order.startCount ?? "—"} / ${order.remains ?? "—"}`],
      [t("order.resubmits"), t("order.resubmitsValue", { n: order.resubmitCount, when: when(order.lastResubmitAt) })], [t("order.lastCheck"), when(order.lastStatusCheck)],
      [t("order.stuckReason"), order.stuck ? stuckReasonText(order.stuckReason) || t("common.yes") : t("common.no")], [t("order.notes"), order.adminNotes ?? "—"],
    ];
    $("#details-body").replaceChildren(
      el("h2", {}, t("order.title", { id: order.id })),
      el("dl", { class: "grid" }, facts.map(([k, v]) => [el("dt", {}, k), el("dd", {}, v)])),
      el("h3", {}, t("order.refills")),
      order.refills.length === 0 ? el("p", {}, t("order.noRefills")) :
        el("div", { class: "scroll" }, el("table", {}, el("thead", {}, el("tr", {}, t("order.refillHead").split(",").map((h) => el("th", {}, h)))),
          el("tbody", {}, order.refills.map((r) => el("tr", {},
            el("td", {}, r.id), el("td", {}, when(r.createdAt)), el("td", {}, r.status), el("td", {}, r.providerRefillId ?? "—"),
            el("td", {}, r.providerStatus ?? "—"), el("td", {}, r.error ? el("span", { class: "error-text" }, r.error) : "—")))))),
      el("h3", {}, t("order.calls")),
      el("div", { class: "scroll" }, el("table", {}, el("thead", {}, el("tr", {}, t("order.callHead").split(",").map((h) => el("th", {}, h)))),
        el("tbody", {}, order.providerCalls.map((c) => el("tr", {},
          el("td", {}, when(c.createdAt)), el("td", {}, c.action), el("td", {}, c.httpStatus ?? "—"), el("td", {}, c.latencyMs),
          el("td", {}, c.outcome, c.error ? el("div", { class: "error-text" }, c.error) : null),
          el("td", {}, el("pre", {}, JSON.stringify(c.request))), el("td", {}, el("pre", {}, c.response ?? ""))))))),
      el("h3", {}, t("order.audit")),
      el("div", { class: "scroll" }, el("table", {}, el("tbody", {}, order.auditEntries.map((a) => el("tr", {},
        el("td", {}, when(a.createdAt)), el("td", {}, a.actorLabel), el("td", {}, a.action),
        el("td", {}, el("pre", {}, `${JSON.stringify(a.before)} → ${JSON.stringify(a.after)}`))))))),
    );
    $("#details").showModal();
  });
}
