import type { RunningSandbox } from "@lethe/connector-sdk";
import { listConnectorInstances } from "@lethe/db";
import { createConnectorInstance, updateConnectorInstance, type OutboundGuard } from "@lethe/runtime";
import type { LetheHandle } from "./open-lethe";

/**
 * Points a `demo-<connector>` instance at the sandbox `lethe start` just started. Created on the
 * first start; on later starts the sandbox listens on the same port with the same seed (and so
 * the same credentials), so the stored instance is reused as it is. If the configured port moved,
 * the instance is re-pointed rather than duplicated.
 */
export async function ensureDemoInstance(
  lethe: LetheHandle,
  connectorId: string,
  sandbox: RunningSandbox,
  outbound: OutboundGuard,
): Promise<void> {
  const name = `demo-${connectorId}`;
  const existing = (await listConnectorInstances(lethe.database.db)).find((instance) => instance.name === name);
  if (!existing) {
    await createConnectorInstance(
      lethe.database,
      { registry: lethe.registry, secretBox: lethe.secretBox, outbound },
      { connectorId, name, settings: sandbox.settings, secrets: sandbox.credentials },
      "lethe start",
    );
    return;
  }
  if (JSON.stringify(existing.settings) !== JSON.stringify(sandbox.settings)) {
    await updateConnectorInstance(
      lethe.database,
      { registry: lethe.registry, secretBox: lethe.secretBox, outbound },
      existing.id,
      { settings: sandbox.settings, secrets: sandbox.credentials },
      "lethe start",
    );
  }
}
