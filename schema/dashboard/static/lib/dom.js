// DOM helpers. Every value from the server goes through textContent (el's children), never
// innerHTML: links, names and ticket texts are typed by customers.
import { t } from "./i18n.js";

export const $ = (selector, root = document) => root.querySelector(selector);

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Calls `handler` on submit of the form `selector` instead of navigating. */
export function onSubmit(selector, handler) {
  $(selector).addEventListener("submit", (event) => {
    event.preventDefault();
    handler(event.target);
  });
}

/**
 * Gives each cell of a row its column's name (data-label) so that on a phone, where a table is
 * shown as cards, every value keeps its caption. `columns` are text keys ("" for none).
 */
export function labelled(row, columns) {
  [...row.children].forEach((cell, i) => {
    if (columns[i]) cell.dataset.label = t(columns[i]);
  });
  return row;
}
