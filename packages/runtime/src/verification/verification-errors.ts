/** The request is not waiting for verification (never needed it, already verified, or closed). */
export class NotVerifyingError extends Error {
  readonly code = "not_verifying";
  constructor(
    readonly requestId: string,
    readonly status: string,
  ) {
    super(`request ${requestId} is ${status}, not waiting for identity verification`);
    this.name = "NotVerifyingError";
  }
}

export type VerificationCodeFailure = "no_code" | "wrong_code" | "expired" | "attempts_exhausted" | "no_email";

/** An e-mail code could not verify the subject; `reason` says why (no code sent, wrong, expired, too many tries). */
export class VerificationCodeError extends Error {
  constructor(
    readonly reason: VerificationCodeFailure,
    message: string,
    readonly attemptsLeft?: number,
  ) {
    super(message);
    this.name = "VerificationCodeError";
  }
}
