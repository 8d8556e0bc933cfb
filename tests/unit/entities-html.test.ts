import { describe, expect, it } from "vitest";
import { entitiesToHtml } from "../../src/bot/broadcasts/entities-html.js";

describe("entitiesToHtml (an admin's formatted message as broadcast HTML)", () => {
  it("escapes the text and nests entities outer first", () => {
    // "Sale" bold, "ale" also italic; offsets in UTF-16 units.
    expect(entitiesToHtml("Sale <now> & more", [{ type: "bold", offset: 0, length: 4 }, { type: "italic", offset: 1, length: 3 }])).toBe("<b>S<i>ale</i></b> &lt;now&gt; &amp; more");
  });

  it("keeps links (quotes escaped) and counts emoji as two UTF-16 units", () => {
    const text = "🎉 Shop here";
    expect(entitiesToHtml(text, [{ type: "text_link", offset: 3, length: 4, url: 'https://x.com/?a="b"&c' }])).toBe('🎉 <a href="https://x.com/?a=&quot;b&quot;&amp;c">Shop</a> here');
  });

  it("leaves entities Telegram finds by itself (mentions, plain URLs) as text", () => {
    expect(entitiesToHtml("@shop https://x.com", [{ type: "mention", offset: 0, length: 5 }, { type: "url", offset: 6, length: 13 }])).toBe("@shop https://x.com");
  });
});
