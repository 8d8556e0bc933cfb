// panelbot admin dashboard: plain ES modules over the GraphQL API (same origin, session cookie),
// no build step. Each page is a module in pages/ exporting { id, label, init?, load }; its markup
// is the <section id="…" class="tab"> of index.html, or, if there is none, what init(section)
// builds. A new page is a module and a line in PAGES below.
import { $, el } from "./lib/dom.js";
import { gql } from "./lib/gql.js";
import broadcasts from "./pages/broadcasts.js";
import { currentLanguage, switchLanguage, t, translatePage, useLanguage } from "./lib/i18n.js";
import catalogue from "./pages/catalogue.js";
import health from "./pages/stuck.js";
import orders from "./pages/orders.js";
import payments from "./pages/payments.js";
import providers from "./pages/providers.js";
import reports from "./pages/reports.js";
import tickets from "./pages/tickets.js";
import topups from "./pages/topups.js";
import users from "./pages/users.js";

const PAGES = [orders, health, users, catalogue, providers, reports, topups, tickets, payments, broadcasts];

function showPage(id) {
  for (const section of document.querySelectorAll("section.tab")) section.hidden = section.id !== id;
  for (const button of document.querySelectorAll("#tabs button")) {
    if (button.dataset.tab === id) button.setAttribute("aria-current", "page");
    else button.removeAttribute("aria-current");
  }
  history.replaceState(null, "", `#${id}`);
  if ($("#details").open) $("#details").close();
  document.body.classList.remove("menu-open");
  $("#menu-toggle").setAttribute("aria-expanded", "false");
  PAGES.find((page) => page.id === id).load();
}

function sectionOf(page) {
  let section = document.getElementById(page.id);
  if (!section) {
    section = el("section", { id: page.id, class: "tab", hidden: true });
    $("main").append(section);
  }
  return section;
}

async function start() {
  let me;
  try {
    ({ me } = await gql("{ me { id username role language } }"));
  } catch {
    me = null;
  }
  useLanguage(me?.language ?? navigator.language.slice(0, 2));
  translatePage();
  if (!me || me.role !== "ADMIN") {
    $("#login").hidden = false;
    return;
  }
  $("#who").textContent = me.username ? `@${me.username}` : `admin #${me.id}`;
  const language = $("#language");
  language.value = currentLanguage();
  language.addEventListener("change", () => switchLanguage(language.value));
  language.hidden = false;
  const nav = $("#tabs");
  nav.prepend(...PAGES.map((page) => el("button", { type: "button", dataset: { tab: page.id }, onclick: () => showPage(page.id) }, t(page.label))));
  nav.hidden = false;
  const toggle = $("#menu-toggle");
  toggle.hidden = false;
  toggle.addEventListener("click", () => toggle.setAttribute("aria-expanded", String(document.body.classList.toggle("menu-open"))));
  $("#logout").hidden = false;
  for (const page of PAGES) page.init?.(sectionOf(page));
  const pageInHash = () => PAGES.find((page) => page.id === location.hash.slice(1))?.id;
  window.addEventListener("hashchange", () => pageInHash() && showPage(pageInHash()));
  showPage(pageInHash() ?? PAGES[0].id);
}

start();
