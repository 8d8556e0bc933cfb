// Payments: forwarded SMS and the forwarding phones.
import { $, el, labelled, onSubmit } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { when, who } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";
import { decideTopUp } from "./topups.js";

const SMS_COLUMNS = ["#", "col.received", "col.device", "col.from", "col.method", "col.amount", "TrxID", "payments.outcome", "col.request", "col.text"];
const DEVICE_COLUMNS = ["#", "col.name", "col.methods", "col.shopNumber", "col.lastSms", "col.status", ""];

async function loadPayments() {
  await act(t("nav.payments"), async () => {
    const picked = new FormData($("#sms-filters")).get("outcome");
    const { paymentSms, paymentDevices } = await gql(
      `query($outcome: [PaymentSmsOutcome!]) {
        paymentSms(first: 100, outcome: $outcome) { nodes {
          id createdAt sender text method amount trxId outcome reason device { id name }
          topUp { id amount status method user { id username firstName } } } }
        paymentDevices { id name methods shopNumber lastSeenAt revokedAt } }`,
      { outcome: picked ? picked.split(",") : null },
    );
    $("#sms-rows").replaceChildren(...paymentSms.nodes.map((m) => labelled(el("tr", { dataset: { smsId: m.id, outcome: m.outcome } },
      el("td", {}, m.id), el("td", {}, when(m.createdAt)), el("td", {}, m.device.name), el("td", {}, m.sender),
      el("td", {}, m.method ?? "—"), el("td", {}, m.amount ?? "—"), el("td", {}, m.trxId ?? "—"),
      el("td", {}, el("span", { class: `badge sms-${m.outcome.toLowerCase()}` }, m.outcome.replace("_", " ").toLowerCase()), m.reason ? el("div", { class: "muted" }, m.reason) : null),
      el("td", {}, ...requestCell(m.topUp)),
      el("td", { class: "sms-text", title: m.text }, m.text.length > 90 ? `${m.text.slice(0, 89)}…` : m.text)), SMS_COLUMNS)));
    $("#device-rows").replaceChildren(...paymentDevices.map((d) => labelled(el("tr", { dataset: { deviceId: d.id } },
      el("td", {}, d.id), el("td", {}, d.name), el("td", {}, d.methods.join(", ")), el("td", {}, d.shopNumber),
      el("td", {}, d.lastSeenAt ? when(d.lastSeenAt) : t("payments.never")), el("td", {}, d.revokedAt ? t("payments.revoked", { when: when(d.revokedAt) }) : t("payments.active")),
      el("td", {}, d.revokedAt ? null : el("button", { type: "button", onclick: () => revokeDevice(d) }, t("payments.revoke")))), DEVICE_COLUMNS)));
  });
}

/** The request an SMS was compared with, and Approve / Reject while it waits. */
function requestCell(topUp) {
  if (!topUp) return ["—"];
  const line = `#${topUp.id} ${who(topUp.user)} · ${topUp.method} ${topUp.amount} · ${topUp.status.toLowerCase()}`;
  if (topUp.status !== "PENDING") return [line];
  return [line, " ",
    el("button", { type: "button", onclick: () => decideTopUp(topUp, "approveTopUp").then(loadPayments) }, t("topups.approve")), " ",
    el("button", { type: "button", onclick: () => decideTopUp(topUp, "rejectTopUp").then(loadPayments) }, t("topups.reject"))];
}

async function registerDevice(form) {
  const data = new FormData(form);
  await act(t("payments.register"), async () => {
    const result = (await gql(`mutation($name: String!, $methods: [TopUpMethod!]!, $shopNumber: String!) {
      result: registerPaymentDevice(name: $name, methods: $methods, shopNumber: $shopNumber) {
        __typename ... on Error { message } ... on MutationRegisterPaymentDeviceSuccess { data { token device { id } } } } }`,
      { name: data.get("name"), methods: data.getAll("methods"), shopNumber: data.get("shopNumber") })).result;
    const { token, device } = unwrap(result);
    $("#device-token code").textContent = token;
    $("#device-token").hidden = false;
    form.reset();
    await loadPayments();
    return t("payments.registered", { id: device.id });
  });
}

async function revokeDevice(d) {
  if (!confirm(t("payments.confirmRevoke", { name: d.name }))) return;
  await act(t("payments.revoke"), async () => {
    unwrap((await gql(`mutation($id: Int!) { result: revokePaymentDevice(id: $id) {
      __typename ... on Error { message } ... on MutationRevokePaymentDeviceSuccess { data { id } } } }`, { id: d.id })).result);
    await loadPayments();
    return t("payments.revokedToast", { id: d.id });
  });
}

export default {
  id: "payments",
  label: "nav.payments",
  init() {
    onSubmit("#sms-filters", loadPayments);
    onSubmit("#device-form", registerDevice);
  },
  load: loadPayments,
};
