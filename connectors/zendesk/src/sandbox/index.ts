import type { SandboxDefinition } from "@lethe/connector-sdk";
import { startZendeskSandbox } from "./start-sandbox";

/** A faithful local Zendesk Support API (vendor-apis.md §2), with the oracle of docs/connectors.md. */
export const sandbox: SandboxDefinition = {
  connectorId: "zendesk",
  loadsWorlds: true,
  start: startZendeskSandbox,
};

export { startZendeskSandbox };
export type { RunningZendeskSandbox, ZendeskSandboxOptions } from "./start-sandbox";
export default sandbox;
