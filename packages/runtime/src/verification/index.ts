export { attestIdentity } from "./attest-identity";
export { sendVerificationCode } from "./send-verification-code";
export { confirmVerificationCode } from "./confirm-verification-code";
export { alwaysVerifiedRequestTypes, InvalidVerificationPolicyError, needsVerification, parseVerificationPolicy } from "@lethe/core";
export { logVerificationCodeSender, type VerificationCodeMessage, type VerificationCodeSender } from "./verification-code-sender";
export { maxVerificationAttempts, verificationCodeTtlMs } from "./verification-code";
export { NotVerifyingError, VerificationCodeError, type VerificationCodeFailure } from "./verification-errors";
