import { identifierStrength } from "@lethe/core";
import {
  enqueueJob,
  markGivenEmailsVerified,
  recordIdentityVerified,
  type Executor,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { transitionRequest } from "../lifecycle/transition-request";
import { requestJob, taskNames } from "../tasks/jobs";

/**
 * The subject is who they say: the verification is recorded, the given e-mail address(es) become
 * `verified` (only the one the code went to, for a code), the request moves `verifying → verified`
 * and its start job is enqueued — all in the caller's transaction, so locating begins if and only
 * if the verification was stored.
 */
export async function completeVerification(
  tx: Executor,
  input: {
    requestId: string;
    method: "attestation" | "email_code";
    actor: string;
    note?: string;
    verifiedEmail?: string;
  },
): Promise<void> {
  const now = new Date();
  await recordIdentityVerified(tx, {
    requestId: input.requestId,
    method: input.method,
    verifiedBy: input.actor,
    verifiedAt: now,
    ...(input.note === undefined ? {} : { note: input.note }),
  });
  const emails = await markGivenEmailsVerified(tx, {
    requestId: input.requestId,
    strength: identifierStrength("email", "verified"),
    ...(input.verifiedEmail === undefined ? {} : { value: input.verifiedEmail }),
  });
  await transitionRequest(tx, {
    requestId: input.requestId,
    to: "verified",
    actor: input.actor,
    reason: input.method === "attestation" ? "identity attested by staff" : "identity confirmed by e-mail code",
  });
  await enqueueJob(tx, requestJob(taskNames.start, input.requestId));
  await appendAudit(tx, {
    actor: input.actor,
    action: "request.identity_verified",
    requestId: input.requestId,
    payload: { method: input.method, verifiedEmails: emails },
  });
}
