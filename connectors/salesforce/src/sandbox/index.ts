import type { SandboxDefinition } from "@lethe/connector-sdk";
import { startSalesforceSandbox } from "./start-sandbox";

/** A faithful local Salesforce (vendor-apis.md §1; FIDELITY.md) behind the Salesforce connector. */
export const sandbox: SandboxDefinition = {
  connectorId: "salesforce",
  loadsWorlds: true,
  start: startSalesforceSandbox,
};

export { startSalesforceSandbox };
export default sandbox;
