import { describe, expect, it } from "vitest";
import type { LogFields, LogLevel } from "./logger";
import { createSafeLogger, type SafeLoggerOptions } from "./safe-logger";
import { createSecretScrubber } from "./secret-scrubber";

function spyLogger(options: Omit<SafeLoggerOptions, "sink"> = {}) {
  const lines: { level: LogLevel; message: string; fields: LogFields }[] = [];
  const log = createSafeLogger({ ...options, sink: (level, message, fields) => lines.push({ level, message, fields }) });
  return { log, lines };
}

describe("createSafeLogger", () => {
  it("removes known secrets and identifiers from the message and from nested fields", () => {
    const { log, lines } = spyLogger({ secrets: ["sk_live_abc123"], identifiers: ["Ada Lovelace", "C-100234"] });

    log.info("token sk_live_abc123 used for ada lovelace", {
      request: { headers: ["Bearer sk_live_abc123"], customer: { ref: "customer C-100234 (vip)" } },
      "C-100234": true,
    });

    expect(lines).toEqual([
      {
        level: "info",
        message: "token [redacted] used for [redacted]",
        fields: { request: { headers: ["Bearer [redacted]"], customer: { ref: "customer [redacted] (vip)" } }, "[redacted]": true },
      },
    ]);
  });

  it("removes anything shaped like an e-mail address or phone number at warn and error", () => {
    const { log, lines } = spyLogger();

    log.warn("bounce from Grace.Hopper+crm@example.co.uk", { to: "+442079460958" });
    log.error("caller (555) 010-1234 and 020 7946 0958 and 5550101234 and +1 555.010.4321");

    expect(lines.map((line) => [line.message, line.fields])).toEqual([
      ["bounce from [redacted]", { to: "[redacted]" }],
      ["caller [redacted] and [redacted] and [redacted] and [redacted]", {}],
    ]);
  });

  it("keeps timestamps, UUIDs, short numbers and numeric fields readable", () => {
    const { log, lines } = spyLogger();

    log.info("page 3 of 12 at 2025-03-01T12:00:00.000Z for 550e8400-e29b-41d4-a716-446655440000 in 250 ms", {
      at: 1_740_830_400_000,
      count: 42,
    });

    expect(lines[0]?.message).toBe(
      "page 3 of 12 at 2025-03-01T12:00:00.000Z for 550e8400-e29b-41d4-a716-446655440000 in 250 ms",
    );
    expect(lines[0]?.fields).toEqual({ at: 1_740_830_400_000, count: 42 });
  });

  it("blanks fields whose names say they hold credentials", () => {
    const { log, lines } = spyLogger();

    log.info("calling vendor", { headers: { Authorization: "Basic xyz", accept: "json" }, apiKey: "k" });

    expect(lines[0]?.fields).toEqual({ headers: { Authorization: "[redacted]", accept: "json" }, apiKey: "[redacted]" });
  });

  it("scrubs error messages and survives circular fields", () => {
    const { log, lines } = spyLogger({ identifiers: ["ada@example.com"] });
    const cycle: Record<string, unknown> = { name: "loop" };
    cycle.self = cycle;

    log.error("failed", { error: new Error("no user ada@example.com"), cycle });

    expect(lines[0]?.fields).toEqual({
      error: { name: "Error", message: "no user [redacted]" },
      cycle: { name: "loop", self: "[circular]" },
    });
  });

  it("writes debug lines unchanged only when the level is debug", () => {
    const quiet = spyLogger({ identifiers: ["ada@example.com"] });
    quiet.log.debug("matched ada@example.com");
    expect(quiet.lines).toEqual([]);

    const verbose = spyLogger({ level: "debug", identifiers: ["ada@example.com"] });
    verbose.log.debug("matched ada@example.com", { phone: "+15555550100" });
    expect(verbose.lines).toEqual([
      { level: "debug", message: "matched ada@example.com", fields: { phone: "+15555550100" } },
    ]);
  });

  it("drops lines below the configured level", () => {
    const { log, lines } = spyLogger({ level: "warn" });

    log.info("routine");
    log.warn("odd");

    expect(lines.map((line) => line.message)).toEqual(["odd"]);
  });
});

describe("createSecretScrubber", () => {
  it("replaces the longest known value first and ignores values too short to identify anyone", () => {
    const scrub = createSecretScrubber(["abc", "abcdef", "7"]);

    expect(scrub("xABCDEFx abc 7")).toBe("x[redacted]x [redacted] 7");
  });
});
