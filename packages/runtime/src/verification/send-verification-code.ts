import {
  getIdentityVerification,
  listSubjectIdentifiers,
  lockRequest,
  RequestNotFoundError,
  saveVerificationCode,
  type Database,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import type { VerificationCodeSender } from "./verification-code-sender";
import { hashVerificationCode, newVerificationCode, verificationCodeTtlMs } from "./verification-code";
import { NotVerifyingError, VerificationCodeError } from "./verification-errors";

/**
 * Sends a fresh 6-digit code to the request's first given e-mail address; only its hash is kept,
 * for 30 minutes. A new code replaces an earlier one (and its attempt count). After the attempts
 * of a code ran out, no new code is sent: a person decides (attest, or cancel the request), so the
 * limit cannot be worked around by asking again. The code is sent inside the transaction: if the
 * sender fails, nothing is stored.
 */
export async function sendVerificationCode(
  database: Database,
  sender: VerificationCodeSender,
  input: { requestId: string; actor: string },
): Promise<{ expiresAt: Date }> {
  return database.db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new RequestNotFoundError(input.requestId);
    if (request.status !== "verifying") throw new NotVerifyingError(request.id, request.status);
    const existing = await getIdentityVerification(tx, request.id);
    if (existing?.status === "failed") {
      throw new VerificationCodeError(
        "attempts_exhausted",
        "the verification code's attempts are exhausted; attest the identity or cancel the request",
      );
    }
    const email = (await listSubjectIdentifiers(tx, request.id)).find(
      (identifier) => identifier.kind === "email" && identifier.provenance === "given",
    );
    if (!email) throw new VerificationCodeError("no_email", "the request has no e-mail address to send a code to");
    const code = newVerificationCode();
    const sentAt = new Date();
    const expiresAt = new Date(sentAt.getTime() + verificationCodeTtlMs);
    await saveVerificationCode(tx, { requestId: request.id, codeHash: hashVerificationCode(request.id, code), sentAt, expiresAt });
    await appendAudit(tx, {
      actor: input.actor,
      action: "request.verification_code_sent",
      requestId: request.id,
      payload: { expiresAt: expiresAt.toISOString() },
    });
    await sender.send({ requestId: request.id, to: email.value, code, expiresAt });
    return { expiresAt };
  });
}
