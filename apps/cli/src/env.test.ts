import { describe, expect, it } from "vitest";
import { EnvironmentError, readEnvironment, readLogLevel } from "./env";

describe("readEnvironment: engine policy and retention", () => {
  it("hands the worker the configured auto-approval, redact scope and retention", () => {
    const env = readEnvironment({ LETHE_AUTO_APPROVE: "erasure", LETHE_REDACT_SCOPE: "whole-party", LETHE_REQUEST_RETENTION_DAYS: "30" });
    expect([...env.enginePolicy.autoApprove]).toEqual(["erasure"]);
    expect(env.enginePolicy.redactScope).toBe("whole-party");
    expect(env.requestRetentionDays).toBe(30);
  });

  it("refuses an unknown redact scope and a negative retention, naming the variable", () => {
    expect(() => readEnvironment({ LETHE_REDACT_SCOPE: "everything" })).toThrow(EnvironmentError);
    expect(() => readEnvironment({ LETHE_REDACT_SCOPE: "everything" })).toThrow(/LETHE_REDACT_SCOPE/);
    expect(() => readEnvironment({ LETHE_REQUEST_RETENTION_DAYS: "-1" })).toThrow(/LETHE_REQUEST_RETENTION_DAYS/);
  });
});

describe("readLogLevel", () => {
  it("reads LETHE_LOG_LEVEL, defaulting to info", () => {
    expect(readLogLevel({ LETHE_LOG_LEVEL: "debug" })).toBe("debug");
    expect(readLogLevel({})).toBe("info");
  });

  it("counts an invalid level as the default rather than failing while a failure is reported", () => {
    expect(readLogLevel({ LETHE_LOG_LEVEL: "verbose" })).toBe("info");
  });
});

describe("readEnvironment: LETHE_OUTBOUND_ALLOW", () => {
  it("allows nothing private by default and reads listed hosts, addresses and ranges", () => {
    expect(readEnvironment({}).outboundAllow).toEqual([]);
    expect(readEnvironment({ LETHE_OUTBOUND_ALLOW: " crm.corp.example, 10.20.0.0/16 ,fd00::7" }).outboundAllow).toEqual(["crm.corp.example", "10.20.0.0/16", "fd00::7"]);
  });

  it("refuses an entry that is not a host, an address or a range, naming the variable", () => {
    expect(() => readEnvironment({ LETHE_OUTBOUND_ALLOW: "10.0.0.0/40" })).toThrow(/LETHE_OUTBOUND_ALLOW/);
    expect(() => readEnvironment({ LETHE_OUTBOUND_ALLOW: "https://crm.corp.example/" })).toThrow(EnvironmentError);
  });
});

describe("readEnvironment: the home a warning names", () => {
  it("knows whether LETHE_HOME is the default ./.lethe, however it is spelt", () => {
    expect(readEnvironment({}).homeIsDefault).toBe(true);
    expect(readEnvironment({ LETHE_HOME: ".lethe" }).homeIsDefault).toBe(true);
    expect(readEnvironment({ LETHE_HOME: "/srv/lethe" }).homeIsDefault).toBe(false);
  });
});
