// Tickets: read, reply, close.
import { $, el, onSubmit } from "../lib/dom.js";
import { when, who } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { act, toast } from "../lib/toast.js";

async function loadTickets() {
  await act("Tickets", async () => {
    const status = new FormData($("#ticket-filters")).get("status");
    const { tickets } = await gql(
      `query($status: TicketStatus) { tickets(first: 50, status: $status) { nodes {
        id type status createdAt orderIds user { id username firstName } messages { id author text createdAt } } } }`,
      { status },
    );
    $("#ticket-list").replaceChildren(...tickets.nodes.map(ticketCard));
  });
}

function ticketCard(t) {
  const text = el("textarea", { "aria-label": `Reply to ticket #${t.id}`, maxlength: 2000 });
  return el("article", { class: "ticket", dataset: { ticketId: t.id } },
    el("strong", {}, `#${t.id} ${t.type.replaceAll("_", " ").toLowerCase()} · ${t.status.toLowerCase()}`),
    el("span", { class: "muted" }, ` ${who(t.user)} · ${when(t.createdAt)}${t.orderIds.length ? ` · orders ${t.orderIds.map((o) => "#" + o).join(", ")}` : ""}`),
    t.messages.map((m) => el("div", { class: "message" }, el("span", { class: "muted" }, `${m.author.toLowerCase()}: `), m.text)),
    text,
    el("button", { type: "button", onclick: () => replyTicket(t, text.value) }, "Reply"), " ",
    t.status !== "CLOSED" ? el("button", { type: "button", onclick: () => closeTicketCard(t) }, "Close") : null,
  );
}

async function replyTicket(t, text) {
  if (!text.trim()) return toast("Write a reply first", true);
  await act("Reply", async () => {
    unwrap((await gql(`mutation($id: Int!, $text: String!) { result: replyToTicket(ticketId: $id, text: $text) {
      __typename ... on Error { message } ... on MutationReplyToTicketSuccess { data { id } } } }`, { id: t.id, text })).result);
    await loadTickets();
    return `Replied to ticket #${t.id}`;
  });
}

async function closeTicketCard(t) {
  await act("Close", async () => {
    unwrap((await gql(`mutation($id: Int!) { result: closeTicket(ticketId: $id) {
      __typename ... on Error { message } ... on MutationCloseTicketSuccess { data { id } } } }`, { id: t.id })).result);
    await loadTickets();
    return `Ticket #${t.id} closed`;
  });
}

export default {
  id: "tickets",
  label: "Tickets",
  init: () => onSubmit("#ticket-filters", loadTickets),
  load: loadTickets,
};
