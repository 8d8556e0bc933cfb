// Pending top-ups: approve or reject.
import { $, el, onSubmit } from "../lib/dom.js";
import { when, who } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";

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

/** Approves or rejects a pending top-up (asking why on reject); also used by the Payments page. */
export async function decideTopUp(topUp, field) {
  const reason = field === "rejectTopUp" ? prompt(`Why reject top-up #${topUp.id}? (optional)`) : null;
  if (field === "rejectTopUp" && reason === null) return;
  await act("Top-up", async () => {
    const data = await gql(
      `mutation($id: Int!${field === "rejectTopUp" ? ", $reason: String" : ""}) { result: ${field}(id: $id${field === "rejectTopUp" ? ", reason: $reason" : ""}) {
        __typename ... on Error { message } ... on ${successType(field)} { data { id status } } } }`,
      { id: topUp.id, reason: reason || null },
    );
    const decided = unwrap(data.result);
    $(`tr[data-topup-id="${topUp.id}"]`)?.remove();
    return `Top-up #${decided.id} ${decided.status.toLowerCase()}`;
  });
}

export default {
  id: "topups",
  label: "Top-ups",
  init: () => onSubmit("#topup-filters", loadTopUps),
  load: loadTopUps,
};
