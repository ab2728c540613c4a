import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { registryPath, renderConnectorRegistry } from "../scripts/connector-registry";
import { installedSandboxes, loadInstalledConnectors } from "./installed-connectors.gen";

describe("the generated connector registry", () => {
  it("matches what the generator renders from connectors/* (run `pnpm generate` after adding a connector)", async () => {
    expect(await readFile(registryPath, "utf8")).toBe(await renderConnectorRegistry());
  });

  it("offers a sandbox for every installed connector, under the connector's own id", async () => {
    const connectors = await loadInstalledConnectors();
    expect(connectors.map((connector) => connector.id).sort()).toEqual(Object.keys(installedSandboxes).sort());
    for (const connector of connectors) {
      const loadSandbox = installedSandboxes[connector.id];
      expect(loadSandbox, connector.id).toBeDefined();
      if (loadSandbox) expect((await loadSandbox()).connectorId).toBe(connector.id);
    }
  });
});
