// Broadcasts: write (Telegram HTML, optional link button), pick the audience, preview to your own
// Telegram chat, start, and follow progress (sent / failed / blocked / left) with pause / resume / cancel.
import { $, el, onSubmit } from "../lib/dom.js";
import { when } from "../lib/format.js";
import { gql, successType, unwrap } from "../lib/gql.js";
import { t } from "../lib/i18n.js";
import { act, toast } from "../lib/toast.js";

const FIELDS = "id status previewed audience language orderedWithinDays groupId text buttonText buttonUrl createdAt startedAt finishedAt progress { total sent failed blocked left uncertain skipped }";
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
    out.textContent = size.__typename.endsWith("Success") ? t("broadcasts.size", { n: size.data }) : size.message;
  } catch (error) {
    out.textContent = error.message;
  }
}

async function createAndPreview(form) {
  const data = new FormData(form);
  await act(t("broadcasts.newTitle"), async () => {
    const input = { text: data.get("text"), buttonText: data.get("buttonText") || null, buttonUrl: data.get("buttonUrl") || null, ...audienceArgs(form) };
    const created = unwrap((await gql(`mutation($input: BroadcastInput!) { result: createBroadcast(input: $input) {
      __typename ... on Error { message } ... on ${successType("createBroadcast")} { data { id } } } }`, { input })).result);
    await control("previewBroadcast", created.id, t("broadcasts.preview"), t("broadcasts.draftPreviewed", { id: created.id }));
  });
}

async function control(field, id, label, message) {
  await act(label, async () => {
    unwrap((await gql(`mutation($id: Int!) { result: ${field}(id: $id) { __typename ... on Error { message } ... on ${successType(field)} { data { id } } } }`, { id })).result);
    await loadBroadcasts();
    return message;
  });
}

function progressLine(b) {
  const p = b.progress;
  const parts = [t("broadcasts.progress", p)];
  if (p.uncertain) parts.push(t("broadcasts.uncertain", { n: p.uncertain }));
  if (p.skipped) parts.push(t("broadcasts.skipped", { n: p.skipped }));
  return parts.join(" · ");
}

function audienceText(b) {
  if (b.audience === "LANGUAGE") return t("broadcasts.byLanguage", { language: b.language });
  if (b.audience === "ORDERED_RECENTLY") return t("broadcasts.orderedWithin", { days: b.orderedWithinDays });
  if (b.audience === "GROUP") return t("broadcasts.groupNo", { id: b.groupId });
  return t(`broadcasts.audience.${b.audience}`);
}

function broadcastCard(b) {
  const button = (label, field, message) => el("button", { type: "button", onclick: () => control(field, b.id, label, message) }, label);
  const total = b.progress.total || 1;
  return el("article", { class: "broadcast", dataset: { broadcastId: b.id } },
    el("strong", {}, `#${b.id} · ${t(`broadcasts.status.${b.status}`)} · ${audienceText(b)}`),
    el("span", { class: "muted" }, ` ${t("broadcasts.created", { when: when(b.createdAt) })}${b.finishedAt ? ` · ${t("broadcasts.finished", { when: when(b.finishedAt) })}` : ""}`),
    el("pre", { class: "message" }, b.text),
    b.buttonText ? el("div", { class: "muted" }, t("broadcasts.button", { text: b.buttonText, url: b.buttonUrl })) : null,
    b.status === "DRAFT" ? null : el("div", {}, el("progress", { max: total, value: total - b.progress.left }), " ", el("span", { class: "progress" }, progressLine(b))),
    b.status === "DRAFT" ? button(t("broadcasts.previewAgain"), "previewBroadcast", t("broadcasts.previewSent")) : null,
    b.status === "DRAFT" && b.previewed ? button(t("broadcasts.start"), "startBroadcast", t("broadcasts.started", { id: b.id })) : null,
    b.status === "RUNNING" ? button(t("broadcasts.pause"), "pauseBroadcast", t("broadcasts.paused", { id: b.id })) : null,
    b.status === "PAUSED" ? button(t("broadcasts.resume"), "resumeBroadcast", t("broadcasts.resumed", { id: b.id })) : null,
    ["DRAFT", "RUNNING", "PAUSED"].includes(b.status) ? button(t("broadcasts.cancel"), "cancelBroadcast", t("broadcasts.canceled", { id: b.id })) : null,
  );
}

async function loadBroadcasts() {
  await act(t("nav.broadcasts"), async () => {
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
    toast(`${t("broadcasts.groups")}: ${error.message}`, true);
  }
}

export default {
  id: "broadcasts",
  label: "nav.broadcasts",
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
