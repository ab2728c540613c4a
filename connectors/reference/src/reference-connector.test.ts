import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import referenceConnector, { recordSchemas } from "./index";

describe("the reference connector's declaration", () => {
  it("carries its package's version, which receipts record", () => {
    const manifest = z.object({ version: z.string() }).parse(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")));
    expect(referenceConnector.version).toBe(manifest.version);
  });

  it("accepts its examples and rejects its invalid settings example", () => {
    expect(referenceConnector.settings.safeParse(referenceConnector.examples.settings).success).toBe(true);
    expect(referenceConnector.secrets.safeParse(referenceConnector.examples.secrets).success).toBe(true);
    expect(referenceConnector.settings.safeParse(referenceConnector.invalidSettingsExample).success).toBe(false);
    expect(referenceConnector.settings.safeParse({ baseUrl: "ftp://files.example.com" }).success).toBe(false);
    expect(referenceConnector.secrets.safeParse({ apiToken: "" }).success).toBe(false);
  });

  it("declares a schema and data categories for exactly the record types it reports", () => {
    expect(Object.keys(referenceConnector.recordSchemas).sort()).toEqual(["attachment", "call", "note", "person"]);
    expect(Object.keys(referenceConnector.inventory).sort()).toEqual(["attachment", "call", "note", "person"]);
    expect(referenceConnector.recordSchemas).toBe(recordSchemas);
  });

  it("declares hard erasure and implements the operations it claims", () => {
    expect(referenceConnector.capabilities.erase).toEqual({ mode: "hard" });
    expect(typeof referenceConnector.export).toBe("function");
    expect(typeof referenceConnector.erase).toBe("function");
    expect(typeof referenceConnector.confirm).toBe("undefined");
    expect(typeof referenceConnector.redact).toBe("undefined");
  });

  it("declares rectification of a person's name, e-mail and phone, and restriction, and implements both", () => {
    expect(referenceConnector.capabilities.rectify).toEqual({ person: ["name", "email", "phone"] });
    expect(referenceConnector.capabilities.restrict).toBe(true);
    expect(typeof referenceConnector.rectify).toBe("function");
    expect(typeof referenceConnector.restrict).toBe("function");
  });

  it("keeps vendor fields it does not know when validating a record, rather than dropping them", () => {
    const parsed = recordSchemas.note.parse({
      id: "nte_1",
      personId: "per_1",
      body: "text",
      createdAt: "2024-01-01T00:00:00.000Z",
      restricted: false,
      mood: "cheerful",
    });
    expect(parsed).toMatchObject({ mood: "cheerful" });
  });
});
