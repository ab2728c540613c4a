import type {
  ConnectionTestResult,
  ConnectorInstanceView,
  ConnectorType,
  CreateConnectorInstanceBody,
  UpdateConnectorInstanceBody,
} from "@lethe/contracts";
import { defineStore } from "pinia";
import { ref } from "vue";
import { callApi } from "../api/api-client";

/** Installed connector types and configured instances. Secrets go in, never come back. */
export const useConnectorsStore = defineStore("connectors", () => {
  const types = ref<ConnectorType[]>([]);
  const instances = ref<ConnectorInstanceView[]>([]);

  async function loadTypes(): Promise<void> {
    types.value = (await callApi("getConnectorTypes", {})).connectorTypes;
  }

  async function loadInstances(): Promise<void> {
    instances.value = (await callApi("getConnectorInstances", {})).connectorInstances;
  }

  function replace(instance: ConnectorInstanceView): void {
    const others = instances.value.filter((i) => i.id !== instance.id);
    instances.value = [...others, instance].sort((a, b) => a.name.localeCompare(b.name));
  }

  async function create(body: CreateConnectorInstanceBody): Promise<ConnectorInstanceView> {
    const { connectorInstance } = await callApi("postConnectorInstance", { body });
    replace(connectorInstance);
    return connectorInstance;
  }

  async function update(id: string, body: UpdateConnectorInstanceBody): Promise<ConnectorInstanceView> {
    const { connectorInstance } = await callApi("patchConnectorInstance", { params: { id }, body });
    replace(connectorInstance);
    return connectorInstance;
  }

  async function remove(id: string): Promise<void> {
    await callApi("deleteConnectorInstance", { params: { id } });
    instances.value = instances.value.filter((i) => i.id !== id);
  }

  /** Runs the connector's check; the instance's `lastTest` is refreshed from the API afterwards. */
  async function test(id: string): Promise<ConnectionTestResult> {
    const result = await callApi("postConnectorInstanceTest", { params: { id } });
    const refreshed = await callApi("getConnectorInstance", { params: { id } });
    replace(refreshed.connectorInstance);
    return result;
  }

  return { types, instances, loadTypes, loadInstances, create, update, remove, test };
});
