import { describe, expect, it } from "vitest";
import { CUSTOMER_STATUSES, customerStatus, statusesShownAs } from "../../src/orders/status-view.js";

describe("status projection", () => {
  it("customers never see FAILED, UNKNOWN or SUBMITTING", () => {
    expect(customerStatus("FAILED")).toBe("PENDING");
    expect(customerStatus("UNKNOWN")).toBe("PENDING");
    expect(customerStatus("SUBMITTING")).toBe("PENDING");
    expect(customerStatus("PENDING")).toBe("PENDING");
    expect(customerStatus("IN_PROGRESS")).toBe("IN_PROGRESS");
    expect(customerStatus("COMPLETED")).toBe("COMPLETED");
    expect(customerStatus("PARTIAL")).toBe("PARTIAL");
    expect(customerStatus("CANCELED")).toBe("CANCELED");
  });

  it("a customer's status filter names every internal state shown that way, and each state once", () => {
    expect(Object.fromEntries(CUSTOMER_STATUSES.map((s) => [s, statusesShownAs(s)]))).toEqual({
      PENDING: ["PENDING", "SUBMITTING", "FAILED", "UNKNOWN"],
      IN_PROGRESS: ["IN_PROGRESS"],
      COMPLETED: ["COMPLETED"],
      PARTIAL: ["PARTIAL"],
      CANCELED: ["CANCELED"],
    });
  });
});
