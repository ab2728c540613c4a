import type { ConnectorInstanceView, ConnectorType, ConsentEntry } from "@lethe/contracts";

/*
 * What the Consent screen shows of a ledger entry, and what can be done with it: pure, so the
 * wording and the choice of actions are tested without a browser.
 */

const roleNames: Record<ConsentEntry["role"], string> = {
  caller: "Caller",
  agent: "Agent",
  transferred: "Transferred party",
  conference: "Conference party",
};

export function roleName(role: ConsentEntry["role"]): string {
  return roleNames[role];
}

/** `3.0 s`: an offset into the call. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The stretches of the recording that lack consent, in words: `from 3.0 s to 24.1 s (end)`. */
export function unconsentedText(entry: Pick<ConsentEntry, "unconsented" | "callDurationMs">): string {
  return entry.unconsented
    .map((stretch) => `from ${seconds(stretch.fromMs)} to ${seconds(stretch.toMs)}${stretch.toMs >= entry.callDurationMs ? " (end)" : ""}`)
    .join("; ");
}

/** The party as the ledger knows them: masked identifiers only. */
export function knownAsText(entry: Pick<ConsentEntry, "knownAs">): string {
  return entry.knownAs.map((hint) => hint.masked).join(", ") || "no identifier";
}

export type RemediationChoice = "plan" | "approve" | "in-progress";

/**
 * What the row offers: a plan (nothing under way, or the last one ended), approving a draft, or
 * nothing while a remediation runs.
 */
export function remediationChoice(entry: Pick<ConsentEntry, "remediation">): RemediationChoice {
  const status = entry.remediation?.status;
  if (status === "draft") return "approve";
  if (status === "approved" || status === "running" || status === "confirming") return "in-progress";
  return "plan";
}

/** `completed`, `retained (held)`: the newest remediation's status, or an empty string. */
export function remediationText(entry: Pick<ConsentEntry, "remediation">): string {
  const status = entry.remediation?.status;
  if (!status) return "";
  return status === "retained" ? "retained (held)" : status;
}

/** Connections whose connector reports consent evidence, for the "read calls" picker. */
export function consentSources(instances: readonly ConnectorInstanceView[], types: readonly ConnectorType[]): Array<{ value: string; label: string }> {
  const reporting = new Set(types.filter((type) => type.capabilities.consentEvidence === true).map((type) => type.id));
  return instances.filter((instance) => reporting.has(instance.connectorId)).map((instance) => ({ value: instance.id, label: instance.name }));
}
