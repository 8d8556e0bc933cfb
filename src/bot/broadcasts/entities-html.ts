// An admin's formatted Telegram message (text + entities, UTF-16 offsets as JS strings use) as the
// HTML the broadcast is stored and sent in. Telegram's entities nest and never cross, so each one
// opens at its offset and closes at its end, innermost first.
import type { MessageEntity } from "grammy/types";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const attr = (s: string) => escape(s).replace(/"/g, "&quot;");

function tags(e: MessageEntity): [string, string] | null {
  switch (e.type) {
    case "bold":
      return ["<b>", "</b>"];
    case "italic":
      return ["<i>", "</i>"];
    case "underline":
      return ["<u>", "</u>"];
    case "strikethrough":
      return ["<s>", "</s>"];
    case "spoiler":
      return ["<tg-spoiler>", "</tg-spoiler>"];
    case "code":
      return ["<code>", "</code>"];
    case "pre":
      return e.language ? [`<pre><code class="language-${attr(e.language)}">`, "</code></pre>"] : ["<pre>", "</pre>"];
    case "text_link":
      return [`<a href="${attr(e.url)}">`, "</a>"];
    case "text_mention":
      return [`<a href="tg://user?id=${e.user.id}">`, "</a>"];
    case "custom_emoji":
      return [`<tg-emoji emoji-id="${attr(e.custom_emoji_id)}">`, "</tg-emoji>"];
    case "blockquote":
      return ["<blockquote>", "</blockquote>"];
    case "expandable_blockquote":
      return ["<blockquote expandable>", "</blockquote>"];
    default:
      // Mentions, hashtags, plain URLs, commands…: Telegram finds these again by itself.
      return null;
  }
}

export function entitiesToHtml(text: string, entities: readonly MessageEntity[] = []): string {
  const opens = new Map<number, { end: number; open: string; close: string }[]>();
  for (const e of entities) {
    const t = tags(e);
    if (!t || e.length <= 0) continue;
    const list = opens.get(e.offset) ?? [];
    list.push({ end: e.offset + e.length, open: t[0], close: t[1] });
    opens.set(e.offset, list);
  }
  let out = "";
  const stack: { end: number; close: string }[] = [];
  for (let i = 0; i <= text.length; i++) {
    while (stack.length && stack.at(-1)!.end === i) out += stack.pop()!.close;
    if (i === text.length) break;
    // Outer (longer) entities open first.
    for (const o of (opens.get(i) ?? []).sort((a, b) => b.end - a.end)) {
      out += o.open;
      stack.push(o);
    }
    out += escape(text[i]!);
  }
  while (stack.length) out += stack.pop()!.close;
  return out;
}
