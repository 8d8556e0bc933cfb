// The ⋮ pop-up menu: a list of [label, run] items under the button that opened it.
import { el } from "./dom.js";

export function openMenu(button, items) {
  closeMenus();
  const menu = el("div", { class: "menu", role: "menu" },
    items.map(([label, run]) => el("button", { type: "button", role: "menuitem", onclick: () => { closeMenus(); run(); } }, label)));
  button.parentElement.append(menu);
  menu.querySelector("button").focus();
}

export function closeMenus() {
  for (const menu of document.querySelectorAll(".menu")) menu.remove();
}

document.addEventListener("click", (event) => {
  if (!event.target.closest(".menu, .menu-button")) closeMenus();
});
document.addEventListener("keydown", (event) => event.key === "Escape" && closeMenus());
