// Broadcasts: write (Telegram HTML, optional link button), pick the audience, preview to your own
// Telegram chat, start, and follow progress (sent / failed / blocked / left) with pause / resume / cancel.
import { $, el, onSubmit } from "../lib/dom.js";
import { when } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { act, toast } from "../lib/toast.js";

const FIELDS = "id status previewed audience language orderedWithinDays groupId text buttonText buttonUrl createdAt startedAt finishedAt progress { total sent failed blocked left uncertain skipped }";
const AUDIENCE_LABEL = { ALL_CUSTOMERS: "All customers", LANGUAGE: "By language", ORDERED_RECENTLY: "Ordered recently", RESELLERS: "Resellers", GROUP: "One group" };
let refresh;

function audienceArgs(form) {
  const data = new FormData(form);
  const audience = data.get("audience");
  return {
    audience,
    language: audience === "LANGUAGE" ? data.get("language") : null,
    days: audience === "ORDERED_RECENTLY" ? Number(data.get("days")) : null,
    groupId: audience === "GROUP" && data.get("groupId") ? Number(data.get("groupId")) : null,
  };
}

function showAudienceFields(form) {
  const audience = new FormData(form).get("audience");
  for (const field of form.querySelectorAll("[data-for]")) field.hidden = field.dataset.for !== audience;
}

async function countAudience() {
  const form = $("#broadcast-form");
  showAudienceFields(form);
  const out = $("#broadcast-size");
  try {
    const { size } = await gql(`query($audience: BroadcastAudience!, $language: Language, $days: Int, $groupId: Int) {
      size: broadcastAudienceSize(audience: $audience, language: $language, days: $days, groupId: $groupId) {
        __typename ... on Error { message } ... on QueryBroadcastAudienceSizeSuccess { data } } }`, audienceArgs(form));
    out.textContent = size.__typename.endsWith("Success") ? `Customers now: ${size.data}` : size.message;
  } catch (error) {
    out.textContent = error.message;
  }
}

async function createAndPreview(form) {
  const data = new FormData(form);
  await act("Broadcast", async () => {
    const input = { text: data.get("text"), buttonText: data.get("buttonText") || null, buttonUrl: data.get("buttonUrl") || null, ...audienceArgs(form) };
    const created = unwrap((await gql(`mutation($input: BroadcastInput!) { result: createBroadcast(input: $input) {
      __typename ... on Error { message } ... on ${successType("createBroadcast")} { data { id } } } }`, { input })).result);
    await control("previewBroadcast", created.id, `Draft #${created.id}: preview sent to your Telegram chat; check it, then Start`);
  });
}

async function control(field, id, message) {
  await act(field.replace("Broadcast", ""), async () => {
    unwrap((await gql(`mutation($id: Int!) { result: ${field}(id: $id) { __typename ... on Error { message } ... on ${successType(field)} { data { id } } } }`, { id })).result);
    await loadBroadcasts();
    return message;
  });
}

function progressLine(b) {
  const p = b.progress;
  const parts = [`sent ${p.sent}`, `failed ${p.failed}`, `blocked ${p.blocked}`, `left ${p.left}`, `of ${p.total}`];
  if (p.uncertain) parts.push(`uncertain ${p.uncertain}`);
  if (p.skipped) parts.push(`skipped ${p.skipped}`);
  return parts.join(" · ");
}

function audienceText(b) {
  if (b.audience === "LANGUAGE") return `${AUDIENCE_LABEL.LANGUAGE}: ${b.language}`;
  if (b.audience === "ORDERED_RECENTLY") return `Ordered in the last ${b.orderedWithinDays} days`;
  if (b.audience === "GROUP") return `Group #${b.groupId}`;
  return AUDIENCE_LABEL[b.audience];
}

function broadcastCard(b) {
  const button = (label, field, message) => el("button", { type: "button", onclick: () => control(field, b.id, message) }, label);
  const total = b.progress.total || 1;
  return el("article", { class: "broadcast", dataset: { broadcastId: b.id } },
    el("strong", {}, `#${b.id} · ${b.status.toLowerCase()} · ${audienceText(b)}`),
    el("span", { class: "muted" }, ` created ${when(b.createdAt)}${b.finishedAt ? ` · finished ${when(b.finishedAt)}` : ""}`),
    el("pre", { class: "message" }, b.text),
    b.buttonText ? el("div", { class: "muted" }, `Button: ${b.buttonText} → ${b.buttonUrl}`) : null,
    b.status === "DRAFT" ? null : el("div", {}, el("progress", { max: total, value: total - b.progress.left }), " ", el("span", { class: "progress" }, progressLine(b))),
    b.status === "DRAFT" ? button("Preview again", "previewBroadcast", "Preview sent to your Telegram chat") : null,
    b.status === "DRAFT" && b.previewed ? button("Start", "startBroadcast", `Broadcast #${b.id} started`) : null,
    b.status === "RUNNING" ? button("Pause", "pauseBroadcast", `Broadcast #${b.id} paused`) : null,
    b.status === "PAUSED" ? button("Resume", "resumeBroadcast", `Broadcast #${b.id} resumed`) : null,
    ["DRAFT", "RUNNING", "PAUSED"].includes(b.status) ? button("Cancel", "cancelBroadcast", `Broadcast #${b.id} canceled`) : null,
  );
}

async function loadBroadcasts() {
  await act("Broadcasts", async () => {
    const { broadcasts } = await gql(`{ broadcasts(first: 20) { ${FIELDS} } }`);
    $("#broadcast-list").replaceChildren(...broadcasts.map(broadcastCard));
    // While one is sending, its progress is followed (only while this page is shown).
    clearTimeout(refresh);
    if (broadcasts.some((b) => b.status === "RUNNING")) refresh = setTimeout(() => !$("#broadcasts").hidden && loadBroadcasts(), 3000);
  });
}

async function loadGroups() {
  try {
    const { groups } = await gql("{ groups { id title chatId active } }");
    $("#broadcast-group").replaceChildren(...groups.filter((g) => g.active).map((g) => el("option", { value: g.id }, g.title || g.chatId)));
  } catch (error) {
    toast(`Groups: ${error.message}`, true);
  }
}

export default {
  id: "broadcasts",
  label: "Broadcasts",
  init: () => {
    onSubmit("#broadcast-form", createAndPreview);
    $("#broadcast-form").addEventListener("change", (event) => event.target.name !== "text" && event.target.name !== "buttonText" && event.target.name !== "buttonUrl" && countAudience());
  },
  load: async () => {
    await loadGroups();
    await countAudience();
    await loadBroadcasts();
  },
};
