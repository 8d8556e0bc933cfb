// panelbot admin dashboard: plain JS over the GraphQL API (same origin, session cookie).
// Every value from the server goes through textContent, never innerHTML: links, names and
// ticket texts are typed by customers.
"use strict";

const STATUS_LABEL = {
  PENDING: "Pending", SUBMITTING: "Submitting", FAILED: "Failed", UNKNOWN: "Unknown",
  IN_PROGRESS: "In progress", COMPLETED: "Completed", PARTIAL: "Partial", CANCELED: "Canceled",
};

const ROW = `fragment Row on Order {
  id createdAt status allowedActions isManual link quantity charge refunded stuck stuckReason resubmitCount
  providerOrderId providerStatus providerError failureReason
  user { id username firstName } service { id nameEn } provider { id name }
}`;

const $ = (selector, root = document) => root.querySelector(selector);

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function gql(query, variables = {}) {
  const res = await fetch("/graphql", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}` }] }));
  if (body.errors && body.errors.length) {
    const error = new Error(body.errors[0].message);
    error.code = body.errors[0].extensions && body.errors[0].extensions.code;
    throw error;
  }
  return body.data;
}

/** A mutation's typed result: the data on success, a thrown Error with the domain message otherwise. */
function unwrap(result) {
  if (result && result.__typename && result.__typename.endsWith("Success")) return result.data;
  throw new Error((result && result.message) || "Refused");
}

function toast(text, bad = false) {
  const box = $("#toast");
  box.textContent = text;
  box.className = `show${bad ? " bad" : ""}`;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => (box.className = ""), 3500);
}

async function act(label, fn) {
  try {
    const message = await fn();
    if (message) toast(message);
  } catch (error) {
    toast(`${label}: ${error.message}`, true);
  }
}

const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
const who = (u) => (u ? `#${u.id} ${u.username ? "@" + u.username : u.firstName || ""}`.trim() : "—");
const badge = (status) => el("span", { class: `badge status-${status}` }, STATUS_LABEL[status] || status);

// ---------- orders ----------

/** The ⋮ menu item for each admin action; which ones an order shows comes from the server (Order.allowedActions). */
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

function orderRow(order) {
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

function openMenu(button, items) {
  closeMenus();
  const menu = el("div", { class: "menu", role: "menu" },
    items.map(([label, run]) => el("button", { type: "button", role: "menuitem", onclick: () => { closeMenus(); run(); } }, label)));
  button.parentElement.append(menu);
  menu.querySelector("button").focus();
}

function closeMenus() {
  for (const menu of document.querySelectorAll(".menu")) menu.remove();
}
document.addEventListener("click", (event) => {
  if (!event.target.closest(".menu, .menu-button")) closeMenus();
});
document.addEventListener("keydown", (event) => event.key === "Escape" && closeMenus());

async function orderMutation(field, order, done, { defs = "", args = "", variables = {} } = {}) {
  const success = `Mutation${field[0].toUpperCase()}${field.slice(1)}Success`;
  await act(field, async () => {
    const data = await gql(
      `mutation($id: Int!${defs}) { result: ${field}(orderId: $id${args}) {
        __typename ... on Error { message } ... on ${success} { data { ...Row } } } } ${ROW}`,
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

let orderCursor = null;

function orderFilter() {
  const form = new FormData($("#order-filters"));
  const num = (name) => (form.get(name) && /^\d+$/.test(form.get(name)) ? Number(form.get(name)) : undefined);
  const filter = {
    status: form.get("status") ? [form.get("status")] : undefined,
    providerId: num("providerId"),
    userId: num("userId"),
    serviceId: num("serviceId"),
    manual: form.get("manual") ? form.get("manual") === "true" : undefined,
    stuck: form.get("stuck") ? true : undefined,
    createdFrom: form.get("from") ? new Date(`${form.get("from")}T00:00:00`).toISOString() : undefined,
    createdTo: form.get("to") ? new Date(new Date(`${form.get("to")}T00:00:00`).getTime() + 86400000).toISOString() : undefined,
  };
  const [field, direction] = String(form.get("sort") || "CREATED_AT:DESC").split(":");
  return { filter, sort: { field, direction } };
}

async function loadOrders(append = false) {
  await act("Orders", async () => {
    const { filter, sort } = orderFilter();
    const data = await gql(
      `query($filter: OrderFilter, $sort: OrderSort, $after: String) {
        orders(first: 50, after: $after, filter: $filter, sort: $sort) { totalCount nodes { ...Row } pageInfo { hasNextPage endCursor } } } ${ROW}`,
      { filter, sort, after: append ? orderCursor : null },
    );
    const body = $("#order-rows");
    if (!append) body.replaceChildren();
    body.append(...data.orders.nodes.map(orderRow));
    orderCursor = data.orders.pageInfo.endCursor;
    $("#more-orders").hidden = !data.orders.pageInfo.hasNextPage;
    $("#order-count").textContent = `${data.orders.totalCount} orders`;
  });
}

async function showDetails(id) {
  await act("Details", async () => {
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
      el("h3", {}, "Refills"),
      order.refills.length === 0 ? el("p", {}, "None asked.") :
        el("table", {}, el("thead", {}, el("tr", {}, ["#", "When", "Status", "Provider refill", "Provider status", "Reason"].map((h) => el("th", {}, h)))),
          el("tbody", {}, order.refills.map((r) => el("tr", {},
            el("td", {}, r.id), el("td", {}, when(r.createdAt)), el("td", {}, r.status), el("td", {}, r.providerRefillId ?? "—"),
            el("td", {}, r.providerStatus ?? "—"), el("td", {}, r.error ? el("span", { class: "error-text" }, r.error) : "—"))))),
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

// ---------- stuck & stats ----------

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

// ---------- providers ----------

function providerRow(p) {
  return el("tr", { dataset: { providerId: p.id } },
    el("td", {}, p.name, el("div", { class: "muted" }, p.url)),
    el("td", {}, p.currency),
    el("td", {}, p.liveBalance ?? el("span", { class: "error-text" }, `no answer (last ${p.balance ?? "—"})`)),
    el("td", {}, when(p.balanceCheckedAt)),
    el("td", {}, p.apiKeyMasked),
    el("td", {}, p.active ? "yes" : "no"),
    el("td", {}, el("button", { type: "button", onclick: () => refreshProvider(p) }, "Refresh balance")),
  );
}
const PROVIDER = "id name url currency balance liveBalance balanceCheckedAt apiKeyMasked active";

async function loadProviders() {
  await act("Providers", async () => {
    const { providers, services } = await gql(`{ providers { ${PROVIDER} }
      services(last: 200, active: false, withInactiveReason: true) { edges { node { id nameEn type platform providerServiceId inactiveReason provider { name } } } } }`);
    $("#provider-rows").replaceChildren(...providers.map(providerRow));
    // Imported services the shop cannot forward (or that left the provider's list), with the reason.
    $("#inactive-service-rows").replaceChildren(...services.edges.map((e) => e.node).reverse().map((s) =>
      el("tr", {}, el("td", {}, `${s.nameEn} (#${s.id})`), el("td", {}, s.provider ? `${s.provider.name} · ${s.providerServiceId}` : "—"),
        el("td", {}, s.type), el("td", {}, s.platform), el("td", {}, s.inactiveReason))));
  });
}

async function refreshProvider(p) {
  await act("Refresh", async () => {
    const data = await gql(`mutation($id: Int!) { result: refreshProviderBalance(id: $id) { __typename ... on Error { message }
      ... on MutationRefreshProviderBalanceSuccess { data { ${PROVIDER} } } } }`, { id: p.id });
    const fresh = unwrap(data.result);
    $(`tr[data-provider-id="${p.id}"]`).replaceWith(providerRow(fresh));
    return `${fresh.name}: ${fresh.balance ?? "no answer"} ${fresh.currency}`;
  });
}

// ---------- top-ups ----------

async function loadTopUps() {
  await act("Top-ups", async () => {
    const userId = new FormData($("#topup-filters")).get("userId");
    const { topUps } = await gql(
      `query($userId: Int) { topUps(first: 100, status: PENDING, userId: $userId) { nodes {
        id createdAt method amount trxId senderNumber user { id username firstName } } } }`,
      { userId: userId && /^\d+$/.test(userId) ? Number(userId) : null },
    );
    $("#topup-rows").replaceChildren(...topUps.nodes.map((t) => el("tr", { dataset: { topupId: t.id } },
      el("td", {}, t.id), el("td", {}, when(t.createdAt)), el("td", {}, who(t.user)), el("td", {}, t.method),
      el("td", {}, t.amount), el("td", {}, t.trxId), el("td", {}, t.senderNumber ?? "—"),
      el("td", {},
        el("button", { type: "button", onclick: () => decideTopUp(t, "approveTopUp") }, "Approve"), " ",
        el("button", { type: "button", onclick: () => decideTopUp(t, "rejectTopUp") }, "Reject")))));
  });
}

async function decideTopUp(topUp, field) {
  const reason = field === "rejectTopUp" ? prompt(`Why reject top-up #${topUp.id}? (optional)`) : null;
  if (field === "rejectTopUp" && reason === null) return;
  await act("Top-up", async () => {
    const success = `Mutation${field[0].toUpperCase()}${field.slice(1)}Success`;
    const data = await gql(
      `mutation($id: Int!${field === "rejectTopUp" ? ", $reason: String" : ""}) { result: ${field}(id: $id${field === "rejectTopUp" ? ", reason: $reason" : ""}) {
        __typename ... on Error { message } ... on ${success} { data { id status } } } }`,
      { id: topUp.id, reason: reason || null },
    );
    const decided = unwrap(data.result);
    $(`tr[data-topup-id="${topUp.id}"]`)?.remove();
    return `Top-up #${decided.id} ${decided.status.toLowerCase()}`;
  });
}

// ---------- tickets ----------

async function loadTickets() {
  await act("Tickets", async () => {
    const status = new FormData($("#ticket-filters")).get("status");
    const { tickets } = await gql(
      `query($status: TicketStatus) { tickets(first: 50, status: $status) { nodes {
        id type status createdAt orderIds user { id username firstName } messages { id author text createdAt } } } }`,
      { status },
    );
    $("#ticket-list").replaceChildren(...tickets.nodes.map(ticketCard));
  });
}

function ticketCard(t) {
  const text = el("textarea", { "aria-label": `Reply to ticket #${t.id}`, maxlength: 2000 });
  return el("article", { class: "ticket", dataset: { ticketId: t.id } },
    el("strong", {}, `#${t.id} ${t.type.replaceAll("_", " ").toLowerCase()} · ${t.status.toLowerCase()}`),
    el("span", { class: "muted" }, ` ${who(t.user)} · ${when(t.createdAt)}${t.orderIds.length ? ` · orders ${t.orderIds.map((o) => "#" + o).join(", ")}` : ""}`),
    t.messages.map((m) => el("div", { class: "message" }, el("span", { class: "muted" }, `${m.author.toLowerCase()}: `), m.text)),
    text,
    el("button", { type: "button", onclick: () => replyTicket(t, text.value) }, "Reply"), " ",
    t.status !== "CLOSED" ? el("button", { type: "button", onclick: () => closeTicketCard(t) }, "Close") : null,
  );
}

async function replyTicket(t, text) {
  if (!text.trim()) return toast("Write a reply first", true);
  await act("Reply", async () => {
    unwrap((await gql(`mutation($id: Int!, $text: String!) { result: replyToTicket(ticketId: $id, text: $text) {
      __typename ... on Error { message } ... on MutationReplyToTicketSuccess { data { id } } } }`, { id: t.id, text })).result);
    await loadTickets();
    return `Replied to ticket #${t.id}`;
  });
}

async function closeTicketCard(t) {
  await act("Close", async () => {
    unwrap((await gql(`mutation($id: Int!) { result: closeTicket(ticketId: $id) {
      __typename ... on Error { message } ... on MutationCloseTicketSuccess { data { id } } } }`, { id: t.id })).result);
    await loadTickets();
    return `Ticket #${t.id} closed`;
  });
}

// ---------- users (reseller access and discount) ----------

const USER = "id username firstName language role blocked resellerDiscount resellerRequestedAt account { balance }";

async function loadUsers() {
  await act("Users", async () => {
    const form = new FormData($("#user-filters"));
    const { users } = await gql(`query($search: String, $role: Role) { users(first: 100, search: $search, role: $role) { nodes { ${USER} } } }`,
      { search: form.get("search") || null, role: form.get("role") || null });
    const rows = form.get("requested") ? users.nodes.filter((u) => u.resellerRequestedAt) : users.nodes;
    $("#user-rows").replaceChildren(...rows.map(userRow));
  });
}

function userRow(u) {
  const discount = el("input", { value: u.resellerDiscount, size: 5, inputmode: "decimal", "aria-label": `Discount of user #${u.id}` });
  const actions = [];
  if (u.role === "CUSTOMER") actions.push(el("button", { type: "button", onclick: () => setReseller(u, true) }, "Make reseller"));
  if (u.role === "RESELLER") actions.push(el("button", { type: "button", onclick: () => setReseller(u, false) }, "Take reseller access back"));
  if (u.resellerRequestedAt && u.role === "CUSTOMER") actions.push(" ", el("button", { type: "button", onclick: () => rejectRequest(u) }, "Reject request"));
  if (u.role === "RESELLER") actions.push(" ", el("button", { type: "button", onclick: () => saveDiscount(u, discount.value) }, "Save discount"));
  return el("tr", { dataset: { userId: u.id } },
    el("td", {}, u.id), el("td", {}, who(u), u.resellerRequestedAt && u.role === "CUSTOMER" ? el("span", { class: "muted" }, " · asked for reseller access") : null),
    el("td", {}, u.language), el("td", {}, u.role + (u.blocked ? " · blocked" : "")),
    el("td", {}, u.role === "RESELLER" ? discount : "—"), el("td", {}, u.account?.balance ?? "—"), el("td", {}, actions));
}

async function userMutation(u, call, variables, done) {
  await act("User", async () => {
    const field = call.slice(0, call.indexOf("("));
    const data = await gql(`mutation($id: Int!${variables.discount !== undefined ? ", $discount: String" : ""}${variables.reseller !== undefined ? ", $reseller: Boolean!" : ""}) {
      result: ${call} { __typename ... on Error { message } ... on Mutation${field[0].toUpperCase()}${field.slice(1)}Success { data { ${USER} } } } }`, { id: u.id, ...variables });
    const fresh = unwrap(data.result);
    $(`tr[data-user-id="${u.id}"]`).replaceWith(userRow(fresh));
    return done(fresh);
  });
}

const setReseller = (u, reseller) =>
  userMutation(u, "setResellerAccess(userId: $id, reseller: $reseller)", { reseller }, (f) => `User #${f.id} is now ${f.role.toLowerCase()}`);
const rejectRequest = (u) => userMutation(u, "rejectResellerRequest(userId: $id)", {}, (f) => `Request of user #${f.id} rejected`);
const saveDiscount = (u, discount) =>
  userMutation(u, "setResellerPricing(userId: $id, discountPercent: $discount)", { discount }, (f) => `User #${f.id}: ${f.resellerDiscount}% off`);

// ---------- shell ----------

// ---------- payments (forwarded SMS, forwarding phones) ----------

async function loadPayments() {
  await act("Payments", async () => {
    const picked = new FormData($("#sms-filters")).get("outcome");
    const { paymentSms, paymentDevices } = await gql(
      `query($outcome: [PaymentSmsOutcome!]) {
        paymentSms(first: 100, outcome: $outcome) { nodes {
          id createdAt sender text method amount trxId outcome reason device { id name }
          topUp { id amount status method user { id username firstName } } } }
        paymentDevices { id name methods shopNumber lastSeenAt revokedAt } }`,
      { outcome: picked ? picked.split(",") : null },
    );
    $("#sms-rows").replaceChildren(...paymentSms.nodes.map((m) => el("tr", { dataset: { smsId: m.id, outcome: m.outcome } },
      el("td", {}, m.id), el("td", {}, when(m.createdAt)), el("td", {}, m.device.name), el("td", {}, m.sender),
      el("td", {}, m.method ?? "—"), el("td", {}, m.amount ?? "—"), el("td", {}, m.trxId ?? "—"),
      el("td", {}, el("span", { class: `badge sms-${m.outcome.toLowerCase()}` }, m.outcome.replace("_", " ").toLowerCase()), m.reason ? el("div", { class: "muted" }, m.reason) : null),
      el("td", {}, ...requestCell(m.topUp)),
      el("td", { class: "sms-text", title: m.text }, m.text.length > 90 ? `${m.text.slice(0, 89)}…` : m.text))));
    $("#device-rows").replaceChildren(...paymentDevices.map((d) => el("tr", { dataset: { deviceId: d.id } },
      el("td", {}, d.id), el("td", {}, d.name), el("td", {}, d.methods.join(", ")), el("td", {}, d.shopNumber),
      el("td", {}, d.lastSeenAt ? when(d.lastSeenAt) : "never"), el("td", {}, d.revokedAt ? `revoked ${when(d.revokedAt)}` : "active"),
      el("td", {}, d.revokedAt ? null : el("button", { type: "button", onclick: () => revokeDevice(d) }, "Revoke")))));
  });
}

/** The request an SMS was compared with, and Approve / Reject while it waits. */
function requestCell(topUp) {
  if (!topUp) return ["—"];
  const line = `#${topUp.id} ${who(topUp.user)} · ${topUp.method} ${topUp.amount} · ${topUp.status.toLowerCase()}`;
  if (topUp.status !== "PENDING") return [line];
  return [line, " ",
    el("button", { type: "button", onclick: () => decideTopUp(topUp, "approveTopUp").then(loadPayments) }, "Approve"), " ",
    el("button", { type: "button", onclick: () => decideTopUp(topUp, "rejectTopUp").then(loadPayments) }, "Reject")];
}

async function registerDevice(form) {
  const data = new FormData(form);
  await act("Register phone", async () => {
    const result = (await gql(`mutation($name: String!, $methods: [TopUpMethod!]!, $shopNumber: String!) {
      result: registerPaymentDevice(name: $name, methods: $methods, shopNumber: $shopNumber) {
        __typename ... on Error { message } ... on MutationRegisterPaymentDeviceSuccess { data { token device { id } } } } }`,
      { name: data.get("name"), methods: data.getAll("methods"), shopNumber: data.get("shopNumber") })).result;
    const { token, device } = unwrap(result);
    $("#device-token code").textContent = token;
    $("#device-token").hidden = false;
    form.reset();
    await loadPayments();
    return `Phone #${device.id} registered: put the token in its forwarder app now`;
  });
}

async function revokeDevice(d) {
  if (!confirm(`Revoke "${d.name}"? Its SMS will be refused from now on.`)) return;
  await act("Revoke", async () => {
    unwrap((await gql(`mutation($id: Int!) { result: revokePaymentDevice(id: $id) {
      __typename ... on Error { message } ... on MutationRevokePaymentDeviceSuccess { data { id } } } }`, { id: d.id })).result);
    await loadPayments();
    return `Phone #${d.id} revoked`;
  });
}

// ---------- shell ----------

const LOADERS = { orders: () => loadOrders(), health: loadHealth, providers: loadProviders, topups: loadTopUps, tickets: loadTickets, payments: loadPayments, users: loadUsers };

function showTab(name) {
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== name;
  for (const button of document.querySelectorAll("#tabs button")) {
    if (button.dataset.tab === name) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  LOADERS[name]();
}

async function start() {
  let me;
  try {
    ({ me } = await gql("{ me { id username role } }"));
  } catch (error) {
    $("#login").hidden = false;
    return;
  }
  if (me.role !== "ADMIN") {
    $("#login").hidden = false;
    return;
  }
  $("#who").textContent = me.username ? `@${me.username}` : `admin #${me.id}`;
  $("#tabs").hidden = false;
  $("#logout").hidden = false;
  for (const button of document.querySelectorAll("#tabs button")) button.addEventListener("click", () => showTab(button.dataset.tab));
  $("#order-filters").addEventListener("submit", (e) => (e.preventDefault(), loadOrders()));
  $("#more-orders").addEventListener("click", () => loadOrders(true));
  $("#topup-filters").addEventListener("submit", (e) => (e.preventDefault(), loadTopUps()));
  $("#ticket-filters").addEventListener("submit", (e) => (e.preventDefault(), loadTickets()));
  $("#user-filters").addEventListener("submit", (e) => (e.preventDefault(), loadUsers()));
  $("#sms-filters").addEventListener("submit", (e) => (e.preventDefault(), loadPayments()));
  $("#device-form").addEventListener("submit", (e) => (e.preventDefault(), registerDevice(e.target)));
  gql("{ providers { id name } }")
    .then(({ providers }) => $("#order-filters [name=providerId]").append(...providers.map((p) => el("option", { value: p.id }, p.name))))
    .catch(() => {});
  showTab("orders");
}

start();
