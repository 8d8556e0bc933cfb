// Users: search; a user's balance and ledger, orders and tickets; adjust the balance with a note,
// block / unblock, make / unmake a reseller and set the discount. Every action is audit-logged by
// the use-case behind its mutation.
import { openDialog } from "../lib/dialog.js";
import { $, el, labelled, onSubmit } from "../lib/dom.js";
import { field, formValues } from "../lib/form.js";
import { when, who } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { t } from "../lib/i18n.js";
import { orderRow, ROW } from "../lib/order-row.js";
import { act, toast } from "../lib/toast.js";
import { ticketCard } from "./tickets.js";

const USER = "id username firstName language role blocked resellerDiscount resellerRequestedAt createdAt account { id balance }";
const COLUMNS = ["#", "col.user", "users.language", "users.role", "users.discount", "users.balance", ""];

let openUserId = null;

async function loadUsers() {
  await act(t("nav.users"), async () => {
    const form = new FormData($("#user-filters"));
    const { users } = await gql(`query($search: String, $role: Role) { users(first: 100, search: $search, role: $role) { nodes { ${USER} } } }`,
      { search: form.get("search") || null, role: form.get("role") || null });
    const rows = form.get("requested") ? users.nodes.filter((u) => u.resellerRequestedAt) : users.nodes;
    $("#user-rows").replaceChildren(...rows.map(userRow));
  });
}

function resellerControls(u) {
  const discount = el("input", { value: u.resellerDiscount, size: 5, inputmode: "decimal", "aria-label": t("users.discountOf", { id: u.id }) });
  const buttons = [];
  if (u.role === "CUSTOMER") buttons.push(el("button", { type: "button", onclick: () => setReseller(u, true) }, t("users.makeReseller")));
  if (u.role === "RESELLER") buttons.push(el("button", { type: "button", onclick: () => setReseller(u, false) }, t("users.unmakeReseller")));
  if (u.resellerRequestedAt && u.role === "CUSTOMER") buttons.push(el("button", { type: "button", onclick: () => rejectRequest(u) }, t("users.rejectRequest")));
  if (u.role === "RESELLER") buttons.push(el("button", { type: "button", onclick: () => saveDiscount(u, discount.value) }, t("users.saveDiscount")));
  return { discount: u.role === "RESELLER" ? discount : "—", buttons };
}

function userRow(u) {
  const { discount, buttons } = resellerControls(u);
  const role = t(`role.${u.role}`) + (u.blocked ? ` · ${t("users.blocked")}` : "");
  return labelled(el("tr", { dataset: { userId: u.id } },
    el("td", {}, u.id), el("td", {}, who(u), u.resellerRequestedAt && u.role === "CUSTOMER" ? el("span", { class: "muted" }, t("users.asked")) : null),
    el("td", {}, u.language), el("td", {}, role),
    el("td", {}, discount), el("td", { class: "num" }, u.account?.balance ?? "—"),
    el("td", { class: "buttons" }, el("button", { type: "button", class: "primary", onclick: () => openUser(u.id) }, t("users.open")), buttons)), COLUMNS);
}

/** Redraws what shows this user: their row in the list and, if open, their dialog. */
async function refreshUser(fresh) {
  $(`tr[data-user-id="${fresh.id}"]`)?.replaceWith(userRow(fresh));
  if (openUserId === fresh.id) await openUser(fresh.id);
}

async function userMutation(u, call, variables, done) {
  await act(t("nav.users"), async () => {
    const field = call.slice(0, call.indexOf("("));
    const defs = [["discount", "String"], ["reseller", "Boolean!"], ["blocked", "Boolean!"]].filter(([name]) => variables[name] !== undefined).map(([name, type]) => `, $${name}: ${type}`).join("");
    const data = await gql(`mutation($id: Int!${defs}) {
      result: ${call} { __typename ... on Error { message } ... on ${successType(field)} { data { ${USER} } } } }`, { id: u.id, ...variables });
    const fresh = unwrap(data.result);
    await refreshUser(fresh);
    return done(fresh);
  });
}

const setReseller = (u, reseller) =>
  userMutation(u, "setResellerAccess(userId: $id, reseller: $reseller)", { reseller }, (f) => t("users.nowRole", { id: f.id, role: t(`role.${f.role}`).toLowerCase() }));
const rejectRequest = (u) => userMutation(u, "rejectResellerRequest(userId: $id)", {}, (f) => t("users.requestRejected", { id: f.id }));
const saveDiscount = (u, discount) =>
  userMutation(u, "setResellerPricing(userId: $id, discountPercent: $discount)", { discount }, (f) => t("users.discountSaved", { id: f.id, discount: f.resellerDiscount }));
function setBlocked(u, blocked) {
  if (blocked && !confirm(t("users.confirmBlock", { id: u.id }))) return;
  return userMutation(u, "setUserBlocked(userId: $id, blocked: $blocked)", { blocked }, (f) => t(f.blocked ? "users.blockedToast" : "users.unblockedToast", { id: f.id }));
}

async function adjust(u, form) {
  const { amount, note } = formValues(form);
  if (!note) return toast(t("users.noteRequired"), true);
  await act(t("users.adjust"), async () => {
    const data = await gql(`mutation($accountId: Int!, $amount: String!, $note: String!) {
      result: adjustBalance(accountId: $accountId, amount: $amount, note: $note) { __typename ... on Error { message } ... on MutationAdjustBalanceSuccess { data { id balance } } } }`,
      { accountId: u.account.id, amount, note });
    const account = unwrap(data.result);
    await refreshUser({ ...u, account });
    return t("users.adjusted", { id: u.id, balance: account.balance });
  });
}

const LEDGER_COLUMNS = ["col.when", "col.kind", "col.amount", "col.balanceAfter", "col.note"];

function table(columns, rows) {
  if (!rows.length) return el("p", { class: "muted" }, t("users.noRows"));
  return el("table", { class: "cards" }, el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, t(c))))), el("tbody", {}, rows.map((row) => labelled(row, columns))));
}

export async function openUser(id) {
  await act(t("nav.users"), async () => {
    const { user } = await gql(`query($id: Int!) { user(id: $id) { ${USER} ordersCount
      account { id balance entries(first: 20) { nodes { id kind amount balanceAfter note createdAt orderId topUpId } } }
      orders(first: 10) { nodes { ...Row } }
      tickets(first: 5) { nodes { id type status createdAt orderIds user { id username firstName } messages { id author text createdAt } } } } } ${ROW}`, { id });
    if (!user) throw new Error(t("common.notFound"));
    openUserId = user.id;
    const { discount, buttons } = resellerControls(user);
    const adjustForm = el("form", { class: "filters", id: "adjust-form" },
      field("users.adjustAmount", "amount", "", { inputmode: "decimal", required: true, pattern: "-?\\d+(\\.\\d+)?", size: 9 }),
      field("users.adjustNote", "note", "", { required: true, maxlength: 500 }),
      el("button", { type: "submit" }, t("users.adjust")));
    adjustForm.addEventListener("submit", (event) => (event.preventDefault(), adjust(user, adjustForm)));
    const entries = user.account?.entries.nodes ?? [];
    const reload = () => openUser(user.id);
    openDialog(
      el("h2", {}, t("users.title", { id: user.id }), " ", el("span", { class: "muted" }, who(user))),
      el("dl", { class: "grid" },
        el("dt", {}, t("users.role")), el("dd", {}, t(`role.${user.role}`), user.blocked ? el("span", { class: "badge status-FAILED" }, t("users.blocked")) : null),
        el("dt", {}, t("users.balance")), el("dd", { class: "balance", dataset: { balance: user.account?.balance ?? "" } }, user.account?.balance ?? "—"),
        el("dt", {}, t("users.discount")), el("dd", {}, discount),
        el("dt", {}, t("users.language")), el("dd", {}, user.language),
        el("dt", {}, t("users.joined")), el("dd", {}, when(user.createdAt))),
      el("div", { class: "buttons", dataset: { userId: user.id } }, buttons,
        el("button", { type: "button", class: user.blocked ? "" : "danger", onclick: () => setBlocked(user, !user.blocked) }, t(user.blocked ? "users.unblock" : "users.block"))),
      user.account ? adjustForm : null,
      el("h3", {}, t("users.ledger")),
      el("div", { class: "ledger" }, table(LEDGER_COLUMNS, entries.map((e) => el("tr", { dataset: { entryId: e.id } },
        el("td", {}, when(e.createdAt)), el("td", {}, t(`ledger.${e.kind}`)), el("td", { class: `num ${e.amount.startsWith("-") ? "minus" : "plus"}` }, e.amount),
        el("td", { class: "num" }, e.balanceAfter), el("td", {}, e.note ?? (e.orderId ? `#${e.orderId}` : e.topUpId ? `${t("ledger.TOPUP")} #${e.topUpId}` : "—")))))),
      el("h3", {}, t("users.orders"), " ", el("span", { class: "muted" }, t("users.ordersCount", { n: user.ordersCount }))),
      user.orders.nodes.length
        ? el("table", { class: "orders cards" }, el("tbody", {}, user.orders.nodes.map(orderRow)))
        : el("p", { class: "muted" }, t("users.noRows")),
      el("h3", {}, t("users.tickets")),
      user.tickets.nodes.length ? user.tickets.nodes.map((ticket) => ticketCard(ticket, reload)) : el("p", { class: "muted" }, t("users.noRows")),
    );
  });
}

export default {
  id: "users",
  label: "nav.users",
  init() {
    onSubmit("#user-filters", loadUsers);
    $("#details").addEventListener("close", () => (openUserId = null));
  },
  load: loadUsers,
};
