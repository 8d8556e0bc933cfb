import { Keyboard } from "grammy";
import type { I18n, Translate } from "../i18n.js";
import { LOCALES } from "../i18n.js";

export const MENU_KEYS = ["menu-services", "menu-mass", "menu-orders", "menu-balance", "menu-topup", "menu-support", "menu-language", "menu-apikey"] as const;
export type MenuKey = (typeof MENU_KEYS)[number];

export function mainMenu(t: Translate): Keyboard {
  return new Keyboard()
    .text(t("menu-services")).text(t("menu-mass")).row()
    .text(t("menu-orders")).text(t("menu-balance")).row()
    .text(t("menu-topup")).text(t("menu-support")).row()
    .text(t("menu-language")).text(t("menu-apikey"))
    .resized()
    .persistent();
}

// Menu texts are compared with every text message, so they are worked out once per I18n.
const byKey = new WeakMap<I18n, Map<MenuKey, readonly string[]>>();
const allTexts = new WeakMap<I18n, ReadonlySet<string>>();

/** A menu button's text in every language (the keyboard a user holds may predate a language switch). */
export function menuTexts(i18n: I18n, key: MenuKey): readonly string[] {
  let texts = byKey.get(i18n);
  if (!texts) byKey.set(i18n, (texts = new Map()));
  let found = texts.get(key);
  if (!found) texts.set(key, (found = LOCALES.map((l) => i18n.t(l, key))));
  return found;
}

export function allMenuTexts(i18n: I18n): ReadonlySet<string> {
  let texts = allTexts.get(i18n);
  if (!texts) allTexts.set(i18n, (texts = new Set(MENU_KEYS.flatMap((k) => menuTexts(i18n, k)))));
  return texts;
}
