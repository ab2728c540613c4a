import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { registryPath, renderConnectorRegistry } from "../scripts/connector-registry";
import { installedConnectors, installedSandboxes } from "./installed-connectors.gen";

describe("the generated connector registry", () => {
  it("matches what the generator renders from connectors/* (run `pnpm generate` after adding a connector)", async () => {
    expect(await readFile(registryPath, "utf8")).toBe(await renderConnectorRegistry());
  });

  it("offers a sandbox for every installed connector, under the connector's own id", () => {
    for (const connector of installedConnectors) {
      expect(installedSandboxes[connector.id]?.connectorId).toBe(connector.id);
    }
  });
});
