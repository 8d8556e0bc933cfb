// The one details dialog: a page fills it and opens it.
import { $ } from "./dom.js";

export function openDialog(...children) {
  $("#details-body").replaceChildren(...children);
  const dialog = $("#details");
  if (!dialog.open) dialog.showModal();
}

export const closeDialog = () => $("#details").close();
