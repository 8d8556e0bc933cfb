// Bot texts as the page shows them: Telegram's HTML subset (parse_mode HTML) kept, everything else
// escaped, so a text can never inject markup or script into the page.

const SIMPLE_TAGS = new Set(["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "code", "pre", "tg-spoiler", "blockquote"]);

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** An `&…;` Telegram accepts stays; any other `&` becomes `&amp;`. */
function fixEntities(text: string): string {
  return text.replace(/&(?!(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});)/gi, "&amp;").replace(/>/g, "&gt;");
}

function safeHref(raw: string): string | null {
  const href = raw.replace(/&amp;/g, "&").replace(/&quot;/g, '"').trim();
  return /^(https?:\/\/|tg:\/\/|mailto:)/i.test(href) ? escapeHtml(href) : null;
}

/** Telegram-HTML to safe HTML: allowed tags normalised (no attributes but a safe href / the spoiler class), the rest escaped, open tags closed. */
export function sanitizeTelegramHtml(input: string): string {
  let out = "";
  const open: string[] = [];
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^<>]*?)?)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(input); m; m = tag.exec(input)) {
    out += fixEntities(input.slice(last, m.index).replace(/</g, "&lt;"));
    last = tag.lastIndex;
    const closing = m[1] === "/";
    let name = m[2]!.toLowerCase();
    const attrs = m[3] ?? "";
    let rendered: string | null = null;
    if (name === "span") {
      if (closing || /class\s*=\s*["']?tg-spoiler/i.test(attrs)) name = "tg-spoiler";
      else name = "";
    }
    if (name === "tg-emoji") {
      rendered = ""; // the fallback emoji inside is kept as text
    } else if (closing && (SIMPLE_TAGS.has(name) || name === "a")) {
      const at = open.lastIndexOf(name);
      if (at >= 0) {
        rendered = open.splice(at).reverse().map((n) => closeTag(n)).join("");
      } else rendered = "";
    } else if (!closing && SIMPLE_TAGS.has(name)) {
      open.push(name);
      rendered = openTag(name);
    } else if (!closing && name === "a") {
      const href = /href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
      const safe = href ? safeHref(href[1] ?? href[2] ?? href[3] ?? "") : null;
      open.push("a");
      rendered = safe ? `<a href="${safe}" target="_blank" rel="noopener noreferrer">` : `<a>`;
    }
    out += rendered ?? escapeHtml(m[0]);
  }
  out += fixEntities(input.slice(last).replace(/</g, "&lt;"));
  return out + open.reverse().map((n) => closeTag(n)).join("");
}

function openTag(name: string): string {
  return name === "tg-spoiler" ? `<span class="tg-spoiler">` : `<${name}>`;
}

function closeTag(name: string): string {
  return name === "tg-spoiler" ? "</span>" : `</${name}>`;
}

/** A message as the page shows it: HTML only when the bot asked for it, else plain text. */
export function messageHtml(text: string, parseMode: unknown): string {
  return parseMode === "HTML" ? sanitizeTelegramHtml(text) : escapeHtml(text);
}
