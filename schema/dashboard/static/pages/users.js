// Users: reseller access and discount.
import { $, el, onSubmit } from "../lib/dom.js";
import { who } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";

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
      result: ${call} { __typename ... on Error { message } ... on ${successType(field)} { data { ${USER} } } } }`, { id: u.id, ...variables });
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

export default {
  id: "users",
  label: "Users",
  init: () => onSubmit("#user-filters", loadUsers),
  load: loadUsers,
};
