/** A value as one CSV cell: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header line, CRLF line ends. */
export function toCsv<R>(columns: readonly (readonly [header: string, value: (row: R) => string | number | null | undefined])[], rows: readonly R[]): string {
  const lines = [columns.map(([h]) => cell(h)).join(",")];
  for (const row of rows) lines.push(columns.map(([, v]) => cell(v(row))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
