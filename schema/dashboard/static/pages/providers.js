// Providers: live balances, refresh, and the imported services that cannot be ordered.
import { $, el } from "../lib/dom.js";
import { when } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { act } from "../lib/toast.js";

const PROVIDER = "id name url currency balance liveBalance balanceCheckedAt apiKeyMasked active";

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

export default { id: "providers", label: "Providers", load: loadProviders };
