// Small form builders for the editing dialogs: a labelled field, and reading a form back.
import { el } from "./dom.js";
import { t } from "./i18n.js";

/** A labelled input ({ type: "checkbox" } gives a check box with its label after it). */
export function field(labelKey, name, value, props = {}) {
  if (props.type === "checkbox") {
    return el("label", { class: "check" }, el("input", { type: "checkbox", name, checked: Boolean(value) }), " ", t(labelKey));
  }
  const input = props.type === "textarea"
    ? el("textarea", { name, ...props, type: undefined }, value ?? "")
    : el("input", { name, value: value ?? "", ...props });
  return el("label", {}, el("span", {}, t(labelKey)), input);
}

export function selectField(labelKey, name, options, selected) {
  return el("label", {}, el("span", {}, t(labelKey)),
    el("select", { name }, options.map(([value, text]) => el("option", { value, selected: String(value) === String(selected) }, text))));
}

/** The form's named values: check boxes as booleans, everything else as trimmed text. */
export function formValues(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name) continue;
    values[input.name] = input.type === "checkbox" ? input.checked : input.value.trim();
  }
  return values;
}
