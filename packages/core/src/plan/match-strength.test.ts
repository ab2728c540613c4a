import { describe, expect, it } from "vitest";
import { connectorAbilities } from "./connector-abilities";
import { engineStrength } from "./match-strength";

const given = { kind: "email", value: "ada@example.com", strength: "strong" };
const discoveredPhone = { kind: "phone", value: "+442071838750", strength: "weak" };

describe("the engine's verdict on a located record", () => {
  it("is strong only through a match the connector calls strong on an identifier strong for this request", () => {
    expect(engineStrength([{ identifier: { kind: "email", value: "ADA@example.com " }, strength: "strong" }], [given])).toBe("strong");
    expect(engineStrength([{ identifier: { kind: "email", value: "ada@example.com" }, strength: "weak" }], [given])).toBe("weak");
    expect(engineStrength([{ identifier: { kind: "phone", value: "+442071838750" }, strength: "strong" }], [given, discoveredPhone])).toBe("weak");
    expect(engineStrength([], [given])).toBe("weak");
  });

  it("tells a system's ids apart", () => {
    const crmId = { kind: "customer_id", value: "42", system: "crm", strength: "strong" };
    expect(engineStrength([{ identifier: { kind: "customer_id", value: "42", system: "crm" }, strength: "strong" }], [crmId])).toBe("strong");
    expect(engineStrength([{ identifier: { kind: "customer_id", value: "42", system: "billing" }, strength: "strong" }], [crmId])).toBe("weak");
  });
});

describe("a connector's abilities as plain data", () => {
  it("counts an operation only when the connector implements it", () => {
    const capabilities = { locate: true, export: true, erase: { mode: "hard" }, redact: false, hold: false, discover: false, confirm: false } as const;
    expect(connectorAbilities({ capabilities, erase: () => undefined }).implements).toEqual({ export: false, erase: true, rectify: false, restrict: false });
  });
});
