import {
  listSubjectIdentifiers,
  lockIdentityVerification,
  lockRequest,
  recordWrongCode,
  RequestNotFoundError,
  type Database,
} from "@lethe/db";
import { appendAudit } from "../audit/append-audit";
import { completeVerification } from "./complete-verification";
import { codeMatches, maxVerificationAttempts } from "./verification-code";
import { NotVerifyingError, VerificationCodeError } from "./verification-errors";

/**
 * Checks a code the requester read back. Right and in time: verified, the address it went to
 * becomes `verified`, and locating starts. Wrong: the attempt is counted (and kept — the refusal
 * is thrown after the count is committed); the fifth wrong code fails the verification. Expired:
 * refused without counting.
 */
export async function confirmVerificationCode(
  database: Database,
  input: { requestId: string; code: string; actor: string; now?: Date },
): Promise<void> {
  const refusal = await database.db.transaction(async (tx): Promise<VerificationCodeError | undefined> => {
    const request = await lockRequest(tx, input.requestId);
    if (!request) throw new RequestNotFoundError(input.requestId);
    if (request.status !== "verifying") throw new NotVerifyingError(request.id, request.status);
    const verification = await lockIdentityVerification(tx, request.id);
    if (verification?.status === "failed") {
      return new VerificationCodeError("attempts_exhausted", "too many wrong codes: this verification has failed", 0);
    }
    if (!verification || verification.method !== "email_code" || !verification.codeHash || !verification.expiresAt) {
      return new VerificationCodeError("no_code", "no verification code has been sent for this request");
    }
    const now = input.now ?? new Date();
    if (now.getTime() > verification.expiresAt.getTime()) {
      return new VerificationCodeError("expired", "the verification code has expired; send a new one");
    }
    if (!codeMatches(request.id, input.code, verification.codeHash)) {
      const attempts = verification.attempts + 1;
      const failed = attempts >= maxVerificationAttempts;
      await recordWrongCode(tx, { requestId: request.id, attempts, failed });
      await appendAudit(tx, {
        actor: input.actor,
        action: failed ? "request.verification_failed" : "request.verification_code_wrong",
        requestId: request.id,
        payload: { attempts },
      });
      const left = maxVerificationAttempts - attempts;
      return failed
        ? new VerificationCodeError("attempts_exhausted", "too many wrong codes: this verification has failed", 0)
        : new VerificationCodeError("wrong_code", `the code is wrong; ${left} attempt(s) left`, left);
    }
    const email = (await listSubjectIdentifiers(tx, request.id)).find(
      (identifier) => identifier.kind === "email" && identifier.provenance === "given",
    );
    await completeVerification(tx, {
      requestId: request.id,
      method: "email_code",
      actor: input.actor,
      ...(email ? { verifiedEmail: email.value } : {}),
    });
    return undefined;
  });
  if (refusal) throw refusal;
}
