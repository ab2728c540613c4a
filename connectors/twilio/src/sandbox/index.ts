import type { SandboxDefinition } from "@lethe/connector-sdk";
import { startTwilioSandbox, type RunningTwilioSandbox } from "./start-sandbox";

/** A local stand-in of Twilio's 2010-04-01 REST API (calls, recordings, transcriptions, messages, media) with the oracle. */
export const sandbox: SandboxDefinition = {
  connectorId: "twilio",
  start: startTwilioSandbox,
};

export { startTwilioSandbox, type RunningTwilioSandbox };
export default sandbox;
