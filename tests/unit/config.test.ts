import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("configuration", () => {
  it("starts on embedded defaults with an empty environment", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ embedded: true, PORT: 3000, DATA_DIR: "./.data", SHOP_CURRENCY: "BDT", FORWARD_RETRY_DELAYS: [5, 10, 20] });
    expect(c.FX_RATES.get("USD")).toBe("122");
    expect(c.FX_RATES.get("BDT")).toBe("1");
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ ADMIN_IDS: "@admin" }, "ADMIN_IDS"],
    [{ BOT_TOKEN: "nope" }, "BOT_TOKEN"],
    [{ FX_RATES: "USD=122" }, "FX_RATES"],
    [{ NODE_ENV: "production" }, "SECRET_KEY"],
    [{ WEBHOOK_URL: "https://bot.example/hook" }, "WEBHOOK_SECRET"],
    [{ AUTO_RESUBMIT_ON_BALANCE: "maybe" }, "AUTO_RESUBMIT_ON_BALANCE"],
    [{ SUBMIT_LEASE_SECONDS: "10", PROVIDER_TIMEOUT_MS: "30000" }, "SUBMIT_LEASE_SECONDS"],
  ])("names the bad variable: %j", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`\\b${name}:`));
  });

  it("never echoes a secret value in its message", () => {
    const secret = "123456:THIS-IS-A-SECRET-TOKEN-VALUE-XYZ";
    try {
      loadConfig({ BOT_TOKEN: secret, PORT: "x" });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain("SECRET-TOKEN");
    }
  });

  it("parses admin ids as numbers and treats empty strings as unset", () => {
    const c = loadConfig({ ADMIN_IDS: " 11, 22 ", DATABASE_URL: "", PORT: "" });
    expect(c.ADMIN_IDS).toEqual([11n, 22n]);
    expect(c.embedded).toBe(true);
    expect(c.PORT).toBe(3000);
  });
});
