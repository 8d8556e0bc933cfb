// The try page: a Telegram-like view of the simulated chats. It only shows what the bot sent (via
// the capture Bot API) and sends what the user typed or pressed; the bot does everything else.
"use strict";
(() => {
  const $ = (sel) => document.querySelector(sel);
  const state = {
    chats: [],
    current: null,
    rev: 0,
    /** chatId -> Map(messageId -> message) */
    messages: new Map(),
    keyboards: new Map(),
    notices: new Map(),
    unread: new Map(),
    speaker: new Map(),
  };

  async function api(path, body) {
    const res = await fetch(path, body === undefined ? { headers: { accept: "application/json" } } : {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status === 401) { location.reload(); throw new Error("signed out"); }
    const json = await res.json();
    if (!res.ok) throw new Error(json.error || `HTTP ${res.status}`);
    return json;
  }

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  function chatList(chatId) {
    let list = state.messages.get(chatId);
    if (!list) { list = new Map(); state.messages.set(chatId, list); }
    return list;
  }

  function visible(chatId) {
    return [...chatList(chatId).values()].filter((m) => !m.deleted).sort((a, b) => a.messageId - b.messageId);
  }

  function textOf(html) {
    const d = document.createElement("div");
    d.innerHTML = html;
    return d.textContent || "";
  }

  function time(date) {
    return new Date(date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }

  function renderChats() {
    const nav = $("#chats");
    nav.replaceChildren(...state.chats.map((chat, i) => {
      const last = visible(chat.chatId).at(-1);
      const unread = state.unread.get(chat.chatId) || 0;
      return el("button", {
        type: "button", class: "chat-item", "data-chat-id": chat.chatId, "aria-current": chat.chatId === state.current ? "true" : "false",
        onclick: () => select(chat.chatId),
      },
        el("span", { class: `avatar c${i % 7}` }, chat.kind === "group" ? "👥" : chat.title[0]),
        el("span", { class: "meta" },
          el("span", { class: "name" }, chat.title),
          el("span", { class: "last muted" }, last ? textOf(last.html).split("\n")[0] : chat.kind === "group" ? "Members order with .10, .25 …" : "Send /start")),
        unread ? el("span", { class: "badge" }, String(unread)) : null);
    }));
  }

  function renderMessage(chat, m) {
    const list = chatList(chat.chatId);
    const bubble = el("div", { class: "bubble" });
    if (chat.kind === "group" && m.from === "user") bubble.append(el("span", { class: "sender" }, m.sender));
    if (m.replyTo && list.get(m.replyTo)) bubble.append(el("span", { class: "quote" }, textOf(list.get(m.replyTo).html)));
    const body = el("span", { class: "text" });
    body.innerHTML = m.html; // sanitised on the server: Telegram's HTML tags only
    bubble.append(body, el("span", { class: "time" }, `${m.edited ? "edited " : ""}${time(m.date)}`));
    const node = el("div", { class: `msg ${m.from}`, "data-message-id": m.messageId }, bubble);
    if (m.inlineKeyboard) {
      node.append(el("div", { class: "inline-kb" }, ...m.inlineKeyboard.map((row) => el("div", { class: "row" }, ...row.map((b) => {
        if (b.url) return el("button", { type: "button", onclick: () => window.open(b.url, "_blank", "noopener") }, `${b.text} ↗`);
        return el("button", { type: "button", "data-callback": b.callback_data, onclick: (e) => press(chat.chatId, m.messageId, b.callback_data, e.currentTarget) }, b.text);
      })))));
    }
    return node;
  }

  function renderChat() {
    const chat = state.chats.find((c) => c.chatId === state.current);
    if (!chat) return;
    $("#chat-title").textContent = chat.title;
    $("#chat-sub").textContent = chat.kind === "group"
      ? `${chat.members.length} members · registered reseller group${chat.registered ? "" : " (not registered)"}`
      : "simulated customer · private chat with the bot";
    const speakerLabel = $("#speaker-label");
    speakerLabel.hidden = chat.kind !== "group";
    if (chat.kind === "group") {
      const select = $("#speaker");
      const chosen = state.speaker.get(chat.chatId) ?? chat.members[0].id;
      select.replaceChildren(...chat.members.map((m) => el("option", { value: m.id, selected: m.id === chosen }, m.name)));
    }
    const box = $("#messages");
    const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 60;
    const msgs = visible(chat.chatId);
    box.replaceChildren(...(msgs.length ? msgs.map((m) => renderMessage(chat, m)) : [el("div", { class: "day-note" }, chat.kind === "group" ? "Send .10 to order 10 diamonds for the group" : "Say /start to the bot")]));
    if (atBottom || state.scrollNext) box.scrollTop = box.scrollHeight;
    state.scrollNext = false;
    const kb = state.keyboards.get(chat.chatId);
    const replyKb = $("#reply-kb");
    replyKb.hidden = !kb;
    replyKb.replaceChildren(...(kb ? kb.rows.map((row) => el("div", { class: "row" }, ...row.map((text) => el("button", { type: "button", onclick: () => send(text) }, text)))) : []));
    $("#text").placeholder = kb?.placeholder || "Message";
    const notice = state.notices.get(chat.chatId);
    const noticeEl = $("#notice");
    noticeEl.hidden = !notice;
    noticeEl.textContent = notice ? notice.text : "";
  }

  function select(chatId) {
    state.current = chatId;
    state.unread.set(chatId, 0);
    state.scrollNext = true;
    history.replaceState(null, "", `#chat=${chatId}`);
    renderChats();
    renderChat();
    $("#text").focus();
  }

  function speakerFor(chatId) {
    const chat = state.chats.find((c) => c.chatId === chatId);
    return chat.kind === "group" ? Number($("#speaker").value || chat.members[0].id) : chat.members[0].id;
  }

  async function send(text) {
    if (!text.trim()) return;
    const chatId = state.current;
    state.scrollNext = true;
    try {
      await api("/try/api/send", { chatId, fromId: speakerFor(chatId), text });
    } catch (error) {
      showNotice(chatId, `⚠️ ${error.message}`);
    }
  }

  async function press(chatId, messageId, data, button) {
    button.disabled = true;
    try {
      await api("/try/api/press", { chatId, fromId: speakerFor(chatId), messageId, data });
    } catch (error) {
      showNotice(chatId, `⚠️ ${error.message}`);
    } finally {
      button.disabled = false;
    }
  }

  let noticeTimer;
  function showNotice(chatId, text) {
    state.notices.set(chatId, { text });
    if (chatId === state.current) renderChat();
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => { state.notices.delete(chatId); if (chatId === state.current) renderChat(); }, 4000);
  }

  function apply(changes) {
    if (changes.reset) { state.messages.clear(); state.keyboards.clear(); }
    for (const m of changes.messages) {
      const list = chatList(m.chatId);
      const isNew = !list.has(m.messageId);
      list.set(m.messageId, m);
      if (isNew && m.from === "bot" && m.chatId !== state.current && state.rev > 0) state.unread.set(m.chatId, (state.unread.get(m.chatId) || 0) + 1);
    }
    for (const c of changes.chats) {
      state.keyboards.set(c.chatId, c.keyboard);
      if (c.notice && state.rev > 0 && c.notice.rev > state.rev) showNotice(c.chatId, c.notice.text);
    }
    state.rev = changes.rev;
    renderChats();
    renderChat();
    document.body.dataset.rev = String(state.rev); // what the page shows is up to this revision
  }

  async function poll() {
    let first = true;
    for (;;) {
      try {
        apply(await api(`/try/api/updates?since=${state.rev}${first ? "" : "&wait=1"}`));
        first = false;
      } catch {
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  $("#composer").addEventListener("submit", (e) => {
    e.preventDefault();
    const input = $("#text");
    const text = input.value;
    input.value = "";
    void send(text);
  });
  $("#speaker").addEventListener("change", (e) => state.speaker.set(state.current, Number(e.target.value)));

  (async () => {
    const { chats } = await api("/try/api/chats");
    state.chats = chats;
    const fromHash = Number((/chat=(-?\d+)/.exec(location.hash) || [])[1]);
    select(chats.some((c) => c.chatId === fromHash) ? fromHash : chats[0].chatId);
    void poll();
  })();
})();
