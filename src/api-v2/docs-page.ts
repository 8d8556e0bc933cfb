// The public /api page: every action with its parameters, a curl command and an example answer,
// the way every panel documents its API. The commands are real: set KEY and paste them.

export interface DocsValues {
  /** The API URL, e.g. https://shop.example/api/v2. */
  url: string;
  currency: string;
  /** The shop's refill policy (a service's own window wins over windowDays). */
  refills: { windowDays: number; maxPerOrder: number; cooldownHours: number };
  /** A real active service for the `add` example. */
  example: { service: number; quantity: number; link: string };
}

interface ActionDoc {
  title: string;
  params: [string, string][];
  curl: string[];
  response: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function actionDocs(v: DocsValues): ActionDoc[] {
  const base = `curl -s ${v.url} -d key=$KEY`;
  const key: [string, string] = ["key", "Your API key (🔑 API key in the bot)"];
  return [
    {
      title: "Service list",
      params: [key, ["action", "services"]],
      curl: [`${base} -d action=services`],
      response: `[{"service":1,"name":"Instagram followers","type":"Default","category":"Followers","rate":"180","min":"50","max":"10000","refill":true,"cancel":true,"dripfeed":false}]`,
    },
    {
      title: "Add order",
      params: [
        key,
        ["action", "add"],
        ["service", "Service ID"],
        ["link", "Link to the page or post (the player ID for game services)"],
        ["quantity", "Needed quantity (not for Custom Comments and packages: they count their lines, or are one)"],
        ["comments", "Custom Comments (and Custom Comments Package): one comment per line"],
        ["usernames", "Mentions, Mentions Custom List, Mentions with Hashtags: one username per line"],
        ["hashtags", "Mentions with Hashtags: one hashtag per line"],
        ["hashtag", "Mentions Hashtag: the hashtag"],
        ["username", "Mentions User Followers, Comment Likes: the username"],
        ["media", "Mentions Media Likes: the media link"],
        ["answer_number", "Poll: the answer to vote for"],
        ["runs, interval", "Drip-feed (optional): runs to deliver and minutes between them"],
        ["request_id", "Optional, up to 128 characters: send the same value when you retry and the first order is answered, never a second one"],
      ],
      curl: [`${base} -d action=add -d service=${v.example.service} --data-urlencode link=${v.example.link} -d quantity=${v.example.quantity} -d request_id=my-order-1001`],
      response: `{"order":23501}`,
    },
    {
      title: "Order status",
      params: [key, ["action", "status"], ["order", "Order ID"]],
      curl: [`${base} -d action=status -d order=23501`],
      response: `{"charge":"0.2782","start_count":"3572","status":"Partial","remains":"157","currency":"${v.currency}"}`,
    },
    {
      title: "Multiple orders status",
      params: [key, ["action", "status"], ["orders", "Order IDs separated by commas (up to 100)"]],
      curl: [`${base} -d action=status -d orders=23501,23502`],
      response: `{"23501":{"charge":"0.2782","start_count":"3572","status":"Partial","remains":"157","currency":"${v.currency}"},"23502":{"error":"Incorrect order ID"}}`,
    },
    {
      title: "Create refill",
      params: [key, ["action", "refill"], ["order", "Order ID (or orders: up to 100 IDs separated by commas)"]],
      curl: [`${base} -d action=refill -d order=23501`, `${base} -d action=refill -d orders=23501,23502`],
      response: `{"refill":"1"}\n[{"order":23501,"refill":1},{"order":23502,"refill":{"error":"Incorrect order ID"}}]`,
    },
    {
      title: "Refill status",
      params: [key, ["action", "refill_status"], ["refill", "Refill ID (or refills: up to 100 IDs separated by commas)"]],
      curl: [`${base} -d action=refill_status -d refill=1`, `${base} -d action=refill_status -d refills=1,2`],
      response: `{"status":"Completed"}\n[{"refill":1,"status":"Completed"},{"refill":2,"status":{"error":"Incorrect refill ID"}}]`,
    },
    {
      title: "Cancel orders",
      params: [key, ["action", "cancel"], ["orders", "Order IDs separated by commas (up to 100)"]],
      curl: [`${base} -d action=cancel -d orders=23501,23502`],
      response: `[{"order":23501,"cancel":1},{"order":23502,"cancel":{"error":"Incorrect order ID"}}]`,
    },
    {
      title: "Balance",
      params: [key, ["action", "balance"]],
      curl: [`${base} -d action=balance`],
      response: `{"balance":"100.8429","currency":"${v.currency}"}`,
    },
  ];
}

export function docsPage(v: DocsValues): string {
  const sections = actionDocs(v)
    .map(
      (a) => `<section><h2>${esc(a.title)}</h2>
<table><tr><th>Parameter</th><th>Description</th></tr>${a.params.map(([p, d]) => `<tr><td><code>${esc(p)}</code></td><td>${esc(d)}</td></tr>`).join("")}</table>
<h3>Example</h3>${a.curl.map((c) => `<pre class="curl">${esc(c)}</pre>`).join("")}
<h3>Example response</h3><pre>${esc(a.response)}</pre></section>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>API v2</title><style>body{font-family:system-ui,sans-serif;max-width:860px;margin:0 auto;padding:1rem;line-height:1.45}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
pre{background:#f4f4f4;padding:.6rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}</style></head><body>
<h1>API v2</h1>
<table>
<tr><td>HTTP method</td><td>POST (form fields; JSON bodies and GET with query parameters also work)</td></tr>
<tr><td>API URL</td><td><code>${esc(v.url)}</code></td></tr>
<tr><td>API key</td><td>Resellers only: open 🔑 API key in the bot (ask for reseller access there)</td></tr>
<tr><td>Response format</td><td>JSON; a refusal is <code>{"error":"…"}</code> with HTTP 200</td></tr>
<tr><td>Currency</td><td>${esc(v.currency)}; <code>rate</code> is your price per 1000 (per package for packages)</td></tr>
<tr><td>Limits</td><td>Requests per minute per key are limited; status, refill and cancel take up to 100 IDs</td></tr>
<tr><td>Refills</td><td>Completed or partial orders of services with refill, within the service's refill window (${v.refills.windowDays} days after completion unless the service says otherwise), one at a time, at most ${v.refills.maxPerOrder} per order, ${v.refills.cooldownHours} h apart; otherwise <code>{"error":"…"}</code> saying which rule</td></tr>
</table>
<p>To try the examples, put your key in a shell variable first: <code>KEY=pb_your_key_here</code></p>
${sections}
<p>Statuses: <code>Pending</code>, <code>In progress</code>, <code>Completed</code>, <code>Partial</code> (the remains are refunded), <code>Canceled</code> (refunded).
Refills: <code>Pending</code>, <code>In progress</code>, <code>Completed</code>, <code>Rejected</code>.</p>
</body></html>`;
}
