import { $ } from "./dom.js";

let timer;

export function toast(text, bad = false) {
  const box = $("#toast");
  box.textContent = text;
  box.className = `show${bad ? " bad" : ""}`;
  clearTimeout(timer);
  timer = setTimeout(() => (box.className = ""), 3500);
}

/** Runs an admin action: its returned message as a toast, or its error (prefixed by `label`) as a red one. */
export async function act(label, fn) {
  try {
    const message = await fn();
    if (message) toast(message);
  } catch (error) {
    toast(`${label}: ${error.message}`, true);
  }
}
