// Payments: forwarded SMS and the forwarding phones.
import { $, el, onSubmit } from "../lib/dom.js";
import { when, who } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";
import { decideTopUp } from "./topups.js";

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

export default {
  id: "payments",
  label: "Payments",
  init() {
    onSubmit("#sms-filters", loadPayments);
    onSubmit("#device-form", registerDevice);
  },
  load: loadPayments,
};
