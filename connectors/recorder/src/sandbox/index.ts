import type { SandboxDefinition } from "@lethe/connector-sdk";
import { startRecorderSandbox } from "./start-sandbox";

/** The generic call recorder of vendor-apis.md §3.6, the pretend vendor behind the recorder connector (API.md). */
export const sandbox: SandboxDefinition = {
  connectorId: "recorder",
  start: startRecorderSandbox,
  loadsWorlds: true,
};

export { startRecorderSandbox };
export default sandbox;
