import { ConfigurationError, defineConnector } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createConnectorContext } from "./create-connector-context";
import { createMemoryCheckpointStore } from "./memory-checkpoint-store";

const connector = defineConnector({
  id: "tiny",
  version: "1.0.0",
  title: "Tiny",
  description: "A connector that only declares itself.",
  docsUrl: "https://example.com/tiny",
  settings: z.object({ baseUrl: z.url(), pageSize: z.coerce.number().int().default(20) }),
  secrets: z.object({ apiToken: z.string().min(8) }),
  examples: { settings: { baseUrl: "https://tiny.example.com" }, secrets: { apiToken: "tok_12345678" } },
  identifiers: ["email"],
  inventory: {},
  recordSchemas: {},
  capabilities: { locate: true, export: false, erase: false, redact: false, hold: false, discover: false, confirm: false },
  rateLimit: { requestsPerMinute: 60 },
  check: async () => undefined,
  // eslint-disable-next-line require-yield
  locate: async function* () {
    return;
  },
});

describe("createConnectorContext", () => {
  it("gives the connector its settings and secrets as its schemas parse them", () => {
    const ctx = createConnectorContext({
      connector,
      settings: { baseUrl: "https://tiny.example.com", pageSize: "50" },
      secrets: { apiToken: "tok_12345678" },
    });

    expect(ctx.settings).toEqual({ baseUrl: "https://tiny.example.com", pageSize: 50 });
    expect(ctx.secrets.apiToken).toBe("tok_12345678");
    expect(ctx.instance).toEqual({ id: "test-tiny", connectorId: "tiny", connectorVersion: "1.0.0" });
  });

  it("refuses secrets that do not parse with a ConfigurationError that names the field, not the value", () => {
    const attempt = () =>
      createConnectorContext({ connector, settings: connector.examples.settings, secrets: { apiToken: "short" } });

    expect(attempt).toThrow(ConfigurationError);
    expect(attempt).toThrow(/apiToken/);
    expect(attempt).not.toThrow(/short/);
  });
});

describe("createMemoryCheckpointStore", () => {
  it("keeps what was saved even if the connector mutates its state object afterwards", async () => {
    const store = createMemoryCheckpointStore();
    const state = { finished: ["a"] };

    await store.save(state);
    state.finished.push("b");

    expect(await store.load()).toEqual({ finished: ["a"] });
    expect(store.saves).toEqual([{ finished: ["a"] }]);
  });
});
