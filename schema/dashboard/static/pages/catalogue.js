// Catalogue: categories and services (names bn/en, prices, min/max, platform, flags, delivery
// estimates), a bulk price change by percent, and an import from a provider previewed before it
// is applied. Built here rather than in index.html.
import { closeDialog, openDialog } from "../lib/dialog.js";
import { el, labelled } from "../lib/dom.js";
import { field, formValues, selectField } from "../lib/form.js";
import { duration } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { t } from "../lib/i18n.js";
import { act, toast } from "../lib/toast.js";

const SERVICE = `id nameBn nameEn descriptionBn descriptionEn mode type platform price priceUnit cost min max refill refillDays providerRefillDays cancel active
  inactiveReason stuckAfterMinutes providerServiceId category { id nameEn nameBn } provider { id name }
  deliveryEstimate { enoughData orders startMedianSeconds completeMedianSeconds }`;
const CATEGORY_COLUMNS = ["#", "col.name", "catalogue.sortOrder", "catalogue.services", "col.active", ""];
const SERVICE_COLUMNS = ["#", "col.service", "col.provider", "col.price", "col.cost", "col.minMax", "col.estimate", "col.status", ""];

const state = { categories: [], providers: [], root: null, preview: null };
const node = {};

const bool = (yes) => (yes ? t("common.yes") : t("common.no"));
const categoryName = (c) => (c ? `${c.nameEn} · ${c.nameBn}` : "—");

function estimateText(e) {
  if (!e) return "—";
  if (!e.enoughData) return t("catalogue.notEnough", { n: e.orders });
  return t("catalogue.estimate", { start: duration(e.startMedianSeconds), complete: duration(e.completeMedianSeconds), n: e.orders });
}

function build(section) {
  state.root = section;
  node.search = el("input", { name: "search", type: "search", placeholder: t("catalogue.searchHint"), size: 14 });
  node.category = el("select", { name: "categoryId" });
  const filters = el("form", { class: "filters", id: "service-filters" },
    el("label", {}, el("span", {}, t("catalogue.search")), node.search),
    el("label", {}, el("span", {}, t("catalogue.category")), node.category),
    el("button", { type: "submit" }, t("common.show")),
    el("button", { type: "button", onclick: () => editService(null) }, t("catalogue.addService")));
  filters.addEventListener("submit", (event) => (event.preventDefault(), loadServices()));
  node.categoryRows = el("tbody", { id: "category-rows" });
  node.serviceRows = el("tbody", { id: "service-rows" });
  node.bulk = el("form", { class: "filters", id: "bulk-price" });
  node.importForm = el("form", { class: "filters", id: "import-form" });
  node.preview = el("div", { id: "import-preview" });
  section.append(
    el("h2", {}, t("catalogue.services")), filters,
    el("table", { class: "cards services" }, el("thead", {}, el("tr", {}, SERVICE_COLUMNS.map((c) => el("th", {}, t(c))))), node.serviceRows),
    el("div", { class: "panels" },
      el("div", { class: "panel" }, el("h2", {}, t("catalogue.bulkTitle")), node.bulk),
      el("div", { class: "panel" }, el("h2", {}, t("catalogue.importTitle")), node.importForm, node.preview)),
    el("h2", {}, t("catalogue.categories"), " ", el("button", { type: "button", onclick: () => editCategory(null) }, t("catalogue.addCategory"))),
    el("table", { class: "cards" }, el("thead", {}, el("tr", {}, CATEGORY_COLUMNS.map((c) => el("th", {}, t(c))))), node.categoryRows),
  );
  node.bulk.addEventListener("submit", (event) => (event.preventDefault(), bulkChange()));
  node.importForm.addEventListener("submit", (event) => (event.preventDefault(), previewImport()));
}

async function load() {
  await act(t("nav.catalogue"), async () => {
    const { categories, providers } = await gql(`{ categories { id nameBn nameEn sortOrder active servicesCount } providers { id name } }`);
    state.categories = categories;
    state.providers = providers;
    const picked = node.category.value;
    node.category.replaceChildren(el("option", { value: "" }, t("common.all")), ...categories.map((c) => el("option", { value: c.id, selected: String(c.id) === picked }, categoryName(c))));
    node.categoryRows.replaceChildren(...categories.map((c) => labelled(el("tr", { dataset: { categoryId: c.id } },
      el("td", {}, c.id), el("td", {}, c.nameEn, el("div", { class: "muted" }, c.nameBn)), el("td", {}, c.sortOrder),
      el("td", {}, t("catalogue.servicesCount", { n: c.servicesCount })), el("td", {}, bool(c.active)),
      el("td", {}, el("button", { type: "button", onclick: () => editCategory(c) }, t("common.edit")))), CATEGORY_COLUMNS)));
    drawBulkForm();
    drawImportForm();
  });
  await loadServices();
}

async function loadServices() {
  await act(t("catalogue.services"), async () => {
    const { services } = await gql(`query($categoryId: Int, $search: String) { services(first: 100, categoryId: $categoryId, search: $search) { edges { node { ${SERVICE} } } } }`,
      { categoryId: node.category.value ? Number(node.category.value) : null, search: node.search.value.trim() || null });
    node.serviceRows.replaceChildren(...services.edges.map((e) => serviceRow(e.node)));
  });
}

function serviceRow(s) {
  const flags = [s.active ? t("catalogue.active") : el("span", { class: "error-text", title: s.inactiveReason ?? "" }, t("catalogue.inactive")), s.refill ? ` · ${t("catalogue.refill")}` : "", s.cancel ? ` · ${t("catalogue.cancel")}` : ""];
  return labelled(el("tr", { dataset: { serviceId: s.id } },
    el("td", {}, s.id),
    el("td", {}, s.nameEn, el("div", { class: "muted" }, `${s.nameBn} · ${s.platform} · ${categoryName(s.category)}`)),
    el("td", {}, s.provider ? `${s.provider.name} · ${s.providerServiceId ?? "—"}` : t("order.manual")),
    el("td", { class: "num price" }, s.price), el("td", { class: "num" }, s.cost ?? "—"),
    el("td", { class: "num" }, `${s.min}–${s.max}`),
    el("td", { class: "estimate" }, estimateText(s.deliveryEstimate)),
    el("td", {}, flags),
    el("td", {}, el("button", { type: "button", onclick: () => editService(s) }, t("common.edit")))), SERVICE_COLUMNS);
}

function categoryOptions() {
  return state.categories.map((c) => [c.id, categoryName(c)]);
}

function editService(s) {
  const form = el("form", { class: "edit", id: "service-form" },
    field("catalogue.nameBn", "nameBn", s?.nameBn, { required: true, maxlength: 200 }),
    field("catalogue.nameEn", "nameEn", s?.nameEn, { required: true, maxlength: 200 }),
    selectField("catalogue.category", "categoryId", categoryOptions(), s?.category.id),
    s ? null : selectField("catalogue.mode", "mode", [["MANUAL", "MANUAL"], ["AUTO", "AUTO"]], "MANUAL"),
    field("catalogue.price", "price", s?.price, { required: true, inputmode: "decimal", pattern: "\\d+(\\.\\d{1,6})?", size: 9 }),
    field("catalogue.min", "min", s?.min ?? 100, { required: true, inputmode: "numeric", pattern: "\\d+", size: 7 }),
    field("catalogue.max", "max", s?.max ?? 10000, { required: true, inputmode: "numeric", pattern: "\\d+", size: 9 }),
    field("catalogue.platform", "platform", s?.platform, { maxlength: 32, size: 12 }),
    field("catalogue.stuckAfter", "stuckAfterMinutes", s?.stuckAfterMinutes ?? "", { inputmode: "numeric", pattern: "\\d*", size: 6 }),
    field("catalogue.active", "active", s?.active ?? true, { type: "checkbox" }),
    field("catalogue.refill", "refill", s?.refill ?? false, { type: "checkbox" }),
    field("catalogue.refillDays", "refillDays", s?.refillDays ?? "", { inputmode: "numeric", pattern: "\\d*", size: 5, placeholder: s?.providerRefillDays ?? "" }),
    field("catalogue.cancel", "cancel", s?.cancel ?? false, { type: "checkbox" }),
    field("catalogue.descriptionBn", "descriptionBn", s?.descriptionBn, { type: "textarea", maxlength: 2000 }),
    field("catalogue.descriptionEn", "descriptionEn", s?.descriptionEn, { type: "textarea", maxlength: 2000 }),
    s ? el("p", { class: "muted wide" }, `${t("col.estimate")}: ${estimateText(s.deliveryEstimate)}`) : null,
    el("div", { class: "buttons wide" }, el("button", { type: "submit", class: "primary" }, t("common.save"))));
  form.addEventListener("submit", (event) => (event.preventDefault(), saveService(s, formValues(form))));
  openDialog(el("h2", {}, s ? t("catalogue.editService", { id: s.id }) : t("catalogue.newService")), form);
}

async function saveService(s, v) {
  await act(t("common.save"), async () => {
    const values = {
      nameBn: v.nameBn, nameEn: v.nameEn, categoryId: Number(v.categoryId), price: v.price, min: Number(v.min), max: Number(v.max),
      platform: v.platform || null, stuckAfterMinutes: v.stuckAfterMinutes ? Number(v.stuckAfterMinutes) : null,
      active: v.active, refill: v.refill, refillDays: v.refillDays ? Number(v.refillDays) : null, cancel: v.cancel, descriptionBn: v.descriptionBn || null, descriptionEn: v.descriptionEn || null,
    };
    const field = s ? "updateService" : "createService";
    const data = s
      ? await gql(`mutation($id: Int!, $patch: ServicePatch!) { result: updateService(id: $id, patch: $patch) { __typename ... on Error { message } ... on ${successType(field)} { data { ${SERVICE} } } } }`, { id: s.id, patch: values })
      : await gql(`mutation($input: ServiceInput!) { result: createService(input: $input) { __typename ... on Error { message } ... on ${successType(field)} { data { ${SERVICE} } } } }`, { input: { ...values, mode: v.mode } });
    const saved = unwrap(data.result);
    closeDialog();
    const row = state.root.querySelector(`tr[data-service-id="${saved.id}"]`);
    if (row) row.replaceWith(serviceRow(saved));
    else await loadServices();
    return t("catalogue.saved", { id: saved.id });
  });
}

function editCategory(c) {
  const form = el("form", { class: "edit", id: "category-form" },
    field("catalogue.nameBn", "nameBn", c?.nameBn, { required: true, maxlength: 200 }),
    field("catalogue.nameEn", "nameEn", c?.nameEn, { required: true, maxlength: 200 }),
    field("catalogue.sortOrder", "sortOrder", c?.sortOrder ?? 0, { inputmode: "numeric", pattern: "-?\\d+", size: 5 }),
    field("catalogue.active", "active", c?.active ?? true, { type: "checkbox" }),
    el("div", { class: "buttons wide" }, el("button", { type: "submit", class: "primary" }, t("common.save"))));
  form.addEventListener("submit", (event) => (event.preventDefault(), saveCategory(c, formValues(form))));
  openDialog(el("h2", {}, c ? t("catalogue.editCategory", { id: c.id }) : t("catalogue.newCategory")), form);
}

async function saveCategory(c, v) {
  await act(t("common.save"), async () => {
    const values = { nameBn: v.nameBn, nameEn: v.nameEn, sortOrder: Number(v.sortOrder || 0), active: v.active };
    const field = c ? "updateCategory" : "createCategory";
    const data = c
      ? await gql(`mutation($id: Int!, $patch: CategoryPatch!) { result: updateCategory(id: $id, patch: $patch) { __typename ... on Error { message } ... on ${successType(field)} { data { id } } } }`, { id: c.id, patch: values })
      : await gql(`mutation($input: CategoryInput!) { result: createCategory(input: $input) { __typename ... on Error { message } ... on ${successType(field)} { data { id } } } }`, { input: values });
    const saved = unwrap(data.result);
    closeDialog();
    await load();
    return t("catalogue.categorySaved", { id: saved.id });
  });
}

function scopeOptions() {
  return [["ALL:", t("catalogue.scopeAll")],
    ...state.categories.map((c) => [`CATEGORY:${c.id}`, t("catalogue.scopeCategory", { name: categoryName(c) })]),
    ...state.providers.map((p) => [`PROVIDER:${p.id}`, t("catalogue.scopeProvider", { name: p.name })])];
}

function drawBulkForm() {
  node.bulk.replaceChildren(
    field("catalogue.bulkPercent", "percent", "", { required: true, inputmode: "decimal", pattern: "-?\\d+(\\.\\d+)?", size: 6 }),
    selectField("catalogue.bulkScope", "scope", scopeOptions(), "ALL:"),
    el("button", { type: "submit" }, t("catalogue.bulkApply")));
}

async function bulkChange() {
  const { percent, scope } = formValues(node.bulk);
  const [kind, id] = scope.split(":");
  const label = scopeOptions().find(([value]) => value === scope)[1];
  if (!confirm(t("catalogue.bulkConfirm", { scope: label, percent }))) return;
  await act(t("catalogue.bulkApply"), async () => {
    const data = await gql(`mutation($percent: String!, $scope: PriceScopeKind!, $scopeId: Int) {
      result: bulkChangePrices(percent: $percent, scope: $scope, scopeId: $scopeId) { __typename ... on Error { message } ... on MutationBulkChangePricesSuccess { data { changed } } } }`,
      { percent, scope: kind, scopeId: id ? Number(id) : null });
    const { changed } = unwrap(data.result);
    await loadServices();
    return t("catalogue.bulkDone", { n: changed });
  });
}

function drawImportForm() {
  node.importForm.replaceChildren(
    selectField("catalogue.importProvider", "providerId", state.providers.map((p) => [p.id, p.name]), state.providers[0]?.id),
    field("catalogue.importMarkup", "markupPercent", "25", { required: true, inputmode: "decimal", pattern: "\\d+(\\.\\d+)?", size: 5 }),
    selectField("catalogue.importCategory", "categoryId", [["", t("catalogue.importNewCategory")], ...categoryOptions()], ""),
    el("button", { type: "submit" }, t("catalogue.preview")));
  node.preview.replaceChildren();
}

async function previewImport() {
  const v = formValues(node.importForm);
  const args = { providerId: Number(v.providerId), markupPercent: v.markupPercent, categoryId: v.categoryId ? Number(v.categoryId) : null };
  await act(t("catalogue.preview"), async () => {
    const item = "providerServiceId name serviceId oldCost newCost oldPrice newPrice reactivates unsupportedReason";
    const data = await gql(`query($providerId: Int!, $markupPercent: String!, $categoryId: Int) {
      result: previewServiceImport(providerId: $providerId, markupPercent: $markupPercent, categoryId: $categoryId) { __typename ... on Error { message }
        ... on QueryPreviewServiceImportSuccess { data { token skipped added { ${item} } changedCost { ${item} } unchanged { providerServiceId }
          vanished { serviceId providerServiceId name cost price } } } } }`, args);
    const preview = unwrap(data.result);
    state.preview = { ...args, token: preview.token };
    drawPreview(preview);
  });
}

function drawPreview(p) {
  const itemRow = (i) => el("tr", {},
    el("td", {}, i.providerServiceId), el("td", {}, i.name, i.unsupportedReason ? el("div", { class: "error-text" }, t("catalogue.unsupported", { reason: i.unsupportedReason })) : null, i.reactivates ? el("div", { class: "muted" }, t("catalogue.reactivates")) : null),
    el("td", { class: "num" }, i.oldCost === null ? i.newCost : t("catalogue.oldNew", { old: i.oldCost, new: i.newCost })),
    el("td", { class: "num" }, i.oldPrice === null ? i.newPrice : t("catalogue.oldNew", { old: i.oldPrice, new: i.newPrice })));
  const columns = ["catalogue.providerId", "col.service", "col.cost", "col.price"];
  const list = (titleKey, rows, cls) => rows.length
    ? [el("h3", { class: cls }, `${t(titleKey)} (${rows.length})`), el("div", { class: "scroll short" }, el("table", { class: "cards" },
      el("thead", {}, el("tr", {}, columns.map((c) => el("th", {}, t(c))))), el("tbody", {}, rows.map((row) => labelled(row, columns)))))]
    : [];
  node.preview.replaceChildren(
    el("p", { class: "summary" }, t("catalogue.previewSummary", { added: p.added.length, changed: p.changedCost.length, vanished: p.vanished.length, unchanged: p.unchanged.length })),
    ...list("catalogue.added", p.added.map(itemRow), "added"),
    ...list("catalogue.changedCost", p.changedCost.map(itemRow), "changed"),
    ...list("catalogue.vanished", p.vanished.map((v) => el("tr", {}, el("td", {}, v.providerServiceId ?? "—"), el("td", {}, `${v.name} (#${v.serviceId})`), el("td", { class: "num" }, v.cost ?? "—"), el("td", { class: "num" }, v.price))), "vanished"),
    el("button", { type: "button", class: "primary", id: "apply-import", onclick: applyImport }, t("catalogue.applyImport")));
}

async function applyImport() {
  if (!state.preview) return toast(t("catalogue.preview"), true);
  await act(t("catalogue.applyImport"), async () => {
    const data = await gql(`mutation($providerId: Int!, $markupPercent: String!, $categoryId: Int, $token: String!) {
      result: applyServiceImport(providerId: $providerId, markupPercent: $markupPercent, categoryId: $categoryId, token: $token) { __typename ... on Error { message }
        ... on MutationApplyServiceImportSuccess { data { created updated deactivated } } } }`, state.preview);
    const report = unwrap(data.result);
    state.preview = null;
    node.preview.replaceChildren(el("p", { class: "summary" }, t("catalogue.imported", report)));
    await load();
    return t("catalogue.imported", report);
  });
}

export default { id: "catalogue", label: "nav.catalogue", init: build, load };
