// Providers: add / edit, test the key (a balance call), live balance, services count, last sync,
// error rate and latency; and the imported services that cannot be ordered.
import { closeDialog, openDialog } from "../lib/dialog.js";
import { $, el, labelled } from "../lib/dom.js";
import { field, formValues } from "../lib/form.js";
import { pct, when } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { t } from "../lib/i18n.js";
import { act } from "../lib/toast.js";

const PROVIDER = `id name url currency balance liveBalance balanceCheckedAt apiKeyMasked active
  health { servicesCount activeServicesCount calls errors errorRate p50LatencyMs p95LatencyMs lastSyncAt }`;
const COLUMNS = ["col.provider", "providers.liveBalance", "providers.services", "providers.lastSync", "providers.errorRate", "providers.latency", "providers.key", "providers.active", ""];

function providerRow(p) {
  const h = p.health;
  return labelled(el("tr", { dataset: { providerId: p.id } },
    el("td", {}, el("strong", {}, p.name), el("div", { class: "muted link" }, p.url)),
    el("td", { class: "num live-balance" }, p.liveBalance !== null ? `${p.liveBalance} ${p.currency}` : el("span", { class: "error-text" }, t("providers.noAnswer", { balance: p.balance ?? "—" }))),
    el("td", { class: "services-count" }, t("providers.servicesCount", { active: h.activeServicesCount, all: h.servicesCount })),
    el("td", {}, when(h.lastSyncAt)),
    el("td", { class: h.errorRate > 0.1 ? "error-text" : "" }, h.calls ? t("providers.errors", { rate: pct(h.errorRate), calls: h.calls }) : t("providers.noCalls")),
    el("td", { class: "num" }, h.p50LatencyMs === null ? "—" : `${h.p50LatencyMs} / ${h.p95LatencyMs} ms`),
    el("td", {}, p.apiKeyMasked),
    el("td", {}, p.active ? t("common.yes") : t("common.no")),
    el("td", { class: "buttons" },
      el("button", { type: "button", onclick: () => testKey({ providerId: p.id }) }, t("providers.testKey")),
      el("button", { type: "button", onclick: () => refreshProvider(p) }, t("providers.refresh")),
      el("button", { type: "button", onclick: () => editProvider(p) }, t("common.edit"))),
  ), COLUMNS);
}

async function loadProviders() {
  await act(t("nav.providers"), async () => {
    const { providers, services } = await gql(`{ providers { ${PROVIDER} }
      services(last: 200, active: false, withInactiveReason: true) { edges { node { id nameEn type platform providerServiceId inactiveReason provider { name } } } } }`);
    $("#provider-rows").replaceChildren(...providers.map(providerRow));
    // Imported services the shop cannot forward (or that left the provider's list), with the reason.
    $("#inactive-service-rows").replaceChildren(...services.edges.map((e) => e.node).reverse().map((s) =>
      labelled(el("tr", {}, el("td", {}, `${s.nameEn} (#${s.id})`), el("td", {}, s.provider ? `${s.provider.name} · ${s.providerServiceId}` : "—"),
        el("td", {}, s.type), el("td", {}, s.platform), el("td", {}, s.inactiveReason)), ["col.service", "col.provider", "col.type", "col.platform", "col.why"])));
  });
}

async function refreshProvider(p) {
  await act(t("providers.refresh"), async () => {
    const data = await gql(`mutation($id: Int!) { result: refreshProviderBalance(id: $id) { __typename ... on Error { message }
      ... on MutationRefreshProviderBalanceSuccess { data { ${PROVIDER} } } } }`, { id: p.id });
    const fresh = unwrap(data.result);
    $(`tr[data-provider-id="${p.id}"]`).replaceWith(providerRow(fresh));
    return t("providers.refreshed", { name: fresh.name, balance: fresh.balance ?? "—", currency: fresh.currency });
  });
}

/** A balance call with a saved provider's key, or with the URL and key typed in the form. */
async function testKey(args) {
  await act(t("providers.testKey"), async () => {
    const data = await gql(`mutation($providerId: Int, $url: String, $apiKey: String) {
      result: testProviderKey(providerId: $providerId, url: $url, apiKey: $apiKey) { __typename ... on Error { message }
        ... on MutationTestProviderKeySuccess { data { ok balance currency error latencyMs } } } }`, args);
    const test = unwrap(data.result);
    if (!test.ok) throw new Error(t("providers.keyBad", { error: test.error ?? "—" }));
    return t("providers.keyOk", { balance: test.balance, currency: test.currency ?? "", ms: test.latencyMs ?? "—" });
  });
}

function editProvider(p = null) {
  const form = el("form", { class: "edit", id: "provider-form" },
    field("providers.name", "name", p?.name, { required: true, maxlength: 80 }),
    field("providers.url", "url", p?.url, { required: true, type: "url", maxlength: 500, placeholder: "https://…/api/v2" }),
    field("providers.apiKey", "apiKey", "", { required: !p, maxlength: 500, autocomplete: "off", placeholder: p ? t("providers.apiKeyKeep", { masked: p.apiKeyMasked }) : "" }),
    field("providers.currency", "currency", p?.currency ?? "USD", { required: true, pattern: "[A-Z]{3}", size: 4 }),
    p ? field("providers.active", "active", p.active, { type: "checkbox" }) : null,
    el("div", { class: "buttons" },
      el("button", { type: "button", onclick: () => {
        const v = formValues(form);
        return testKey(v.apiKey ? { providerId: p?.id ?? null, url: v.url || null, apiKey: v.apiKey } : { providerId: p?.id ?? null, url: v.url || null });
      } }, t("providers.testKey")),
      el("button", { type: "submit", class: "primary" }, t("common.save"))));
  form.addEventListener("submit", (event) => (event.preventDefault(), saveProvider(p, formValues(form))));
  openDialog(el("h2", {}, p ? t("providers.editTitle", { id: p.id }) : t("providers.newTitle")), form);
}

async function saveProvider(p, v) {
  await act(t("common.save"), async () => {
    const field = p ? "updateProvider" : "createProvider";
    const data = p
      ? await gql(`mutation($id: Int!, $patch: ProviderPatch!) { result: updateProvider(id: $id, patch: $patch) { __typename ... on Error { message } ... on ${successType(field)} { data { id name } } } }`,
        { id: p.id, patch: { name: v.name, url: v.url, apiKey: v.apiKey || null, currency: v.currency, active: v.active } })
      : await gql(`mutation($input: ProviderInput!) { result: createProvider(input: $input) { __typename ... on Error { message } ... on ${successType(field)} { data { id name } } } }`,
        { input: { name: v.name, url: v.url, apiKey: v.apiKey, currency: v.currency } });
    const saved = unwrap(data.result);
    closeDialog();
    await loadProviders();
    return t("providers.saved", { name: saved.name });
  });
}

export default {
  id: "providers",
  label: "nav.providers",
  init: () => $("#add-provider").addEventListener("click", () => editProvider()),
  load: loadProviders,
};
