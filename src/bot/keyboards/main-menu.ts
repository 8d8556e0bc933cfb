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

/** A menu button's text in every language (the keyboard a user holds may predate a language switch). */
export function menuTexts(i18n: I18n, key: MenuKey): string[] {
  return LOCALES.map((l) => i18n.t(l, key));
}

export function allMenuTexts(i18n: I18n): Set<string> {
  return new Set(MENU_KEYS.flatMap((k) => menuTexts(i18n, k)));
}
