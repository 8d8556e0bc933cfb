// Tickets: read, reply, close.
import { $, el, onSubmit } from "../lib/dom.js";
import { when, who } from "../lib/format.js";
import { gql, unwrap } from "../lib/gql.js";
import { t } from "../lib/i18n.js";
import { act, toast } from "../lib/toast.js";

async function loadTickets() {
  await act(t("nav.tickets"), async () => {
    const status = new FormData($("#ticket-filters")).get("status");
    const { tickets } = await gql(
      `query($status: TicketStatus) { tickets(first: 50, status: $status) { nodes {
        id type status createdAt orderIds user { id username firstName } messages { id author text createdAt } } } }`,
      { status },
    );
    $("#ticket-list").replaceChildren(...tickets.nodes.map(ticketCard));
  });
}

export function ticketCard(ticket, reload = loadTickets) {
  const text = el("textarea", { "aria-label": t("tickets.replyTo", { id: ticket.id }), maxlength: 2000 });
  return el("article", { class: "ticket", dataset: { ticketId: ticket.id } },
    el("strong", {}, `#${ticket.id} ${t(`tickets.type.${ticket.type}`)} · ${t(`tickets.${ticket.status}`)}`),
    el("span", { class: "muted" }, ` ${who(ticket.user)} · ${when(ticket.createdAt)}${ticket.orderIds.length ? ` · ${t("tickets.orders", { list: ticket.orderIds.map((o) => "#" + o).join(", ") })}` : ""}`),
    ticket.messages.map((m) => el("div", { class: "message" }, el("span", { class: "muted" }, `${t(`tickets.author.${m.author}`)}: `), m.text)),
    text,
    el("button", { type: "button", onclick: () => replyTicket(ticket, text.value, reload) }, t("tickets.reply")), " ",
    ticket.status !== "CLOSED" ? el("button", { type: "button", onclick: () => closeTicketCard(ticket, reload) }, t("tickets.close")) : null,
  );
}

async function replyTicket(ticket, text, reload) {
  if (!text.trim()) return toast(t("tickets.writeFirst"), true);
  await act(t("tickets.reply"), async () => {
    unwrap((await gql(`mutation($id: Int!, $text: String!) { result: replyToTicket(ticketId: $id, text: $text) {
      __typename ... on Error { message } ... on MutationReplyToTicketSuccess { data { id } } } }`, { id: ticket.id, text })).result);
    await reload();
    return t("tickets.replied", { id: ticket.id });
  });
}

async function closeTicketCard(ticket, reload) {
  await act(t("tickets.close"), async () => {
    unwrap((await gql(`mutation($id: Int!) { result: closeTicket(ticketId: $id) {
      __typename ... on Error { message } ... on MutationCloseTicketSuccess { data { id } } } }`, { id: ticket.id })).result);
    await reload();
    return t("tickets.closed", { id: ticket.id });
  });
}

export default {
  id: "tickets",
  label: "nav.tickets",
  init: () => onSubmit("#ticket-filters", loadTickets),
  load: loadTickets,
};
