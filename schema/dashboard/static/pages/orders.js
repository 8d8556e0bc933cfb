// Orders: filters, the list with each order's ⋮ menu, load more.
import { $, el, onSubmit } from "../lib/dom.js";
import { gql } from "../lib/gql.js";
import { orderRow, ROW } from "../lib/order-row.js";
import { t } from "../lib/i18n.js";
import { act } from "../lib/toast.js";

let cursor = null;

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
  await act(t("nav.orders"), async () => {
    const { filter, sort } = orderFilter();
    const data = await gql(
      `query($filter: OrderFilter, $sort: OrderSort, $after: String) {
        orders(first: 50, after: $after, filter: $filter, sort: $sort) { totalCount nodes { ...Row } pageInfo { hasNextPage endCursor } } } ${ROW}`,
      { filter, sort, after: append ? cursor : null },
    );
    const body = $("#order-rows");
    if (!append) body.replaceChildren();
    body.append(...data.orders.nodes.map(orderRow));
    cursor = data.orders.pageInfo.endCursor;
    $("#more-orders").hidden = !data.orders.pageInfo.hasNextPage;
    $("#order-count").textContent = t("orders.count", { n: data.orders.totalCount });
  });
}

export default {
  id: "orders",
  label: "nav.orders",
  init() {
    // On a phone the filters start folded: the orders come first.
    if (matchMedia("(max-width: 760px)").matches) $("#order-filters-box").open = false;
    onSubmit("#order-filters", () => loadOrders());
    $("#more-orders").addEventListener("click", () => loadOrders(true));
    gql("{ providers { id name } }")
      .then(({ providers }) => $("#order-filters [name=providerId]").append(...providers.map((p) => el("option", { value: p.id }, p.name))))
      .catch(() => {});
  },
  load: () => loadOrders(),
};
