import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { emailEdgeCases, naughtyStrings, piiTextDatasetPath } from "./index";

describe("the vendored test data", () => {
  it("holds the 164 classified e-mail addresses of isemail, control pictures decoded", () => {
    const cases = emailEdgeCases();
    expect(cases).toHaveLength(164);
    expect(cases.every((c) => c.id !== "" && c.category.startsWith("ISEMAIL_"))).toBe(true);
    expect(cases.some((c) => [...c.address].some((character) => character.charCodeAt(0) < 0x20))).toBe(true);
    expect(cases.some((c) => /[\u2400-\u241f]/.test(c.address))).toBe(false);
  });

  it("holds the naughty strings without blank entries", () => {
    const strings = naughtyStrings();
    expect(strings.length).toBeGreaterThan(400);
    expect(strings.every((s) => s.trim() !== "")).toBe(true);
  });

  it("points at the labelled PII texts", () => {
    expect(existsSync(piiTextDatasetPath)).toBe(true);
  });
});
