import { DomainError, ValidationError } from "../shared/errors.js";
import type { OrderRequest } from "./prepare-order.js";

export const MAX_MASS_ORDER_LINES = 100;

/** A mass order's text, one `service_id | link | quantity` per non-blank line, each a request or why not. */
export function massOrderLines(text: string): { line: number; request: OrderRequest | DomainError }[] {
  const lines = text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((l) => l.raw.length > 0);
  if (lines.length === 0) throw new ValidationError("text", "mass_order_empty", "No order lines");
  if (lines.length > MAX_MASS_ORDER_LINES) {
    throw new ValidationError("text", "mass_order_too_long", `At most ${MAX_MASS_ORDER_LINES} lines per mass order`, { max: MAX_MASS_ORDER_LINES });
  }
  return lines.map(({ raw, line }) => {
    const parts = raw.split("|").map((p) => p.trim());
    if (parts.length !== 3 || !/^[1-9][0-9]{0,9}$/.test(parts[0]!)) {
      return { line, request: new ValidationError("text", "mass_order_line_format", "Write each line as: service_id | link | quantity") };
    }
    return { line, request: { serviceId: Number(parts[0]), link: parts[1], quantity: parts[2] } };
  });
}
