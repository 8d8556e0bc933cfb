import { describe, expect, it } from "vitest";
import { customerStatus } from "../../src/orders/status-view.js";

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
});
