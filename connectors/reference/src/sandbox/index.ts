import type { SandboxDefinition } from "@lethe/connector-sdk";
import { startReferenceSandbox } from "./start-sandbox";

/** Reference CRM, the pretend vendor behind the reference connector (API.md). */
export const sandbox: SandboxDefinition = {
  connectorId: "reference",
  loadsWorlds: true,
  start: startReferenceSandbox,
};

export { startReferenceSandbox };
export { busiestWindow, type BusiestWindow } from "./call-times/busiest-window";
export default sandbox;
