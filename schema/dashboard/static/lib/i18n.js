// The dashboard's words in Bengali and English: one table per language (strings/en.js,
// strings/bn.js). The language is the admin's own (User.language) unless this browser was switched.
import en from "../strings/en.js";
import bn from "../strings/bn.js";

const TABLES = { en, bn };
const STORED = "panelbot.dashboard.language";
let language = "en";

export const languages = () => Object.keys(TABLES);
export const currentLanguage = () => language;

/** Picks the language: this browser's switch if set, else the admin's. */
export function useLanguage(adminLanguage) {
  const stored = localStorage.getItem(STORED);
  language = TABLES[stored] ? stored : TABLES[adminLanguage] ? adminLanguage : "en";
  document.documentElement.lang = language;
}

export function switchLanguage(next) {
  if (!TABLES[next]) return;
  localStorage.setItem(STORED, next);
  location.reload();
}

/** The text for `key` with {name} placeholders filled; English when the language lacks it. */
export function t(key, vars = {}) {
  const text = TABLES[language][key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** A stuck reason in words (stuck detection's codes; an unknown code shown as it is). */
export function stuckReasonText(reason) {
  if (!reason) return "";
  const key = `stuckReason.${reason}`;
  const text = t(key);
  return text === key ? reason.replaceAll("_", " ") : text;
}

/** Translates the static markup: data-i18n (text), data-i18n-placeholder, -title, -aria-label. */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
  for (const attr of ["placeholder", "title", "aria-label"]) {
    const data = `i18n${attr.replace(/(^|-)(\w)/g, (_m, _d, c) => c.toUpperCase())}`;
    for (const node of root.querySelectorAll(`[data-i18n-${attr}]`)) node.setAttribute(attr, t(node.dataset[data]));
  }
}

/** Numbers and dates in the dashboard's language (Bengali digits in Bengali). */
export const locale = () => (language === "bn" ? "bn-BD" : "en-GB");
