// Pending top-ups: approve or reject.
import { $, el, labelled, onSubmit } from "../lib/dom.js";
import { t } from "../lib/i18n.js";
import { when, who } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";

const COLUMNS = ["#", "col.requested", "col.user", "col.method", "col.amount", "TrxID", "col.sender", ""];

async function loadTopUps() {
  await act(t("nav.topups"), async () => {
    const userId = new FormData($("#topup-filters")).get("userId");
    const { topUps } = await gql(
      `query($userId: Int) { topUps(first: 100, status: PENDING, userId: $userId) { nodes {
        id createdAt method amount trxId senderNumber user { id username firstName } } } }`,
      { userId: userId && /^\d+$/.test(userId) ? Number(userId) : null },
    );
    $("#topup-rows").replaceChildren(...topUps.nodes.map((u) => labelled(el("tr", { dataset: { topupId: u.id } },
      el("td", {}, u.id), el("td", {}, when(u.createdAt)), el("td", {}, who(u.user)), el("td", {}, u.method),
      el("td", {}, u.amount), el("td", {}, u.trxId), el("td", {}, u.senderNumber ?? "—"),
      el("td", {},
        el("button", { type: "button", onclick: () => decideTopUp(u, "approveTopUp") }, t("topups.approve")), " ",
        el("button", { type: "button", onclick: () => decideTopUp(u, "rejectTopUp") }, t("topups.reject")))), COLUMNS)));
  });
}

/** Approves or rejects a pending top-up (asking why on reject); also used by the Payments page. */
export async function decideTopUp(topUp, field) {
  const reason = field === "rejectTopUp" ? prompt(t("topups.askReason", { id: topUp.id })) : null;
  if (field === "rejectTopUp" && reason === null) return;
  await act(t("nav.topups"), async () => {
    const data = await gql(
      `mutation($id: Int!${field === "rejectTopUp" ? ", $reason: String" : ""}) { result: ${field}(id: $id${field === "rejectTopUp" ? ", reason: $reason" : ""}) {
        __typename ... on Error { message } ... on ${successType(field)} { data { id status } } } }`,
      { id: topUp.id, reason: reason || null },
    );
    const decided = unwrap(data.result);
    $(`tr[data-topup-id="${topUp.id}"]`)?.remove();
    return t("topups.decided", { id: decided.id, status: t(`topups.${decided.status}`) });
  });
}

export default {
  id: "topups",
  label: "nav.topups",
  init: () => onSubmit("#topup-filters", loadTopUps),
  load: loadTopUps,
};
