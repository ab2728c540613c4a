import type { CommandStyle } from "./wait-outcome";

/** A sandbox's demo people by e-mail (the oracle's `demo` tags); absent when it has none. */
export interface SandboxDemoPeople {
  connectorId: string;
  /** Identifiers theirs alone: erasure and access complete end to end. */
  clean?: string;
  /** A household member shares their number: a request stops in review. */
  review?: string;
}

/** How the welcome's access example attests the identity (README, "Try the demo"). */
export const demoAttestation = "checked ID on a call";

/**
 * The welcome's demo part: per sandbox, a person whose requests complete and one whose request
 * stops in review, then the commands to try on the first sandbox that has both (the reference
 * CRM's when installed), with the environment they need to reach this Lethe.
 */
export function demoWelcomeLines(sandboxes: readonly SandboxDemoPeople[], style: CommandStyle): string[] {
  const width = Math.max(0, ...sandboxes.map((sandbox) => sandbox.connectorId.length)) + 2;
  const table = (pick: (sandbox: SandboxDemoPeople) => string | undefined) =>
    sandboxes.flatMap((sandbox) => {
      const email = pick(sandbox);
      return email ? [`  ${sandbox.connectorId.padEnd(width)}${email}`] : [];
    });
  const clean = table((sandbox) => sandbox.clean);
  const review = table((sandbox) => sandbox.review);
  if (clean.length === 0 && review.length === 0) return [];
  const lines = ["", "Demo people, per sandbox. Their requests complete end to end (seconds):", ...clean];
  if (review.length > 0) lines.push("A household member shares their phone number, so a request stops in review:", ...review);
  const example =
    sandboxes.find((sandbox) => sandbox.connectorId === "reference" && sandbox.clean && sandbox.review) ??
    sandboxes.find((sandbox) => sandbox.clean && sandbox.review);
  if (example?.clean && example.review) {
    const lethe = `  ${style.prefix}pnpm lethe`;
    lines.push(
      "",
      "Try, in another terminal:",
      // Access first: after the erasure there is nothing left to export.
      `${lethe} request create --type access --email ${example.clean} --attest "${demoAttestation}" --wait`,
      `${lethe} request create --type erasure --email ${example.clean} --wait`,
      `${lethe} request create --type erasure --email ${example.review} --wait`,
      ...(style.usesDatabaseUrl ? ["  (with the same DATABASE_URL in the environment)"] : []),
    );
  }
  return lines;
}
