// panelbot admin dashboard: plain ES modules over the GraphQL API (same origin, session cookie),
// no build step. Each page is a module in pages/ with { id, label, init?, load }; its markup is the
// <section id="…" class="tab"> of index.html. A new page is a module, a section, and a line below.
import { $, el } from "./lib/dom.js";
import { gql } from "./lib/gql.js";
import health from "./pages/stuck.js";
import orders from "./pages/orders.js";
import payments from "./pages/payments.js";
import providers from "./pages/providers.js";
import tickets from "./pages/tickets.js";
import topups from "./pages/topups.js";
import users from "./pages/users.js";

const PAGES = [orders, health, providers, topups, tickets, users, payments];

function showPage(id) {
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== id;
  for (const button of document.querySelectorAll("#tabs button")) {
    if (button.dataset.tab === id) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  PAGES.find((page) => page.id === id).load();
}

async function start() {
  let me;
  try {
    ({ me } = await gql("{ me { id username role } }"));
  } catch {
    $("#login").hidden = false;
    return;
  }
  if (me.role !== "ADMIN") {
    $("#login").hidden = false;
    return;
  }
  $("#who").textContent = me.username ? `@${me.username}` : `admin #${me.id}`;
  const nav = $("#tabs");
  nav.prepend(...PAGES.map((page) => el("button", { type: "button", dataset: { tab: page.id }, onclick: () => showPage(page.id) }, page.label)));
  nav.hidden = false;
  $("#logout").hidden = false;
  for (const page of PAGES) page.init?.();
  showPage(PAGES[0].id);
}

start();
