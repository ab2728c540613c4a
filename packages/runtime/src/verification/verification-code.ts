import { createHash, randomInt, timingSafeEqual } from "node:crypto";

/** A code works for 30 minutes and allows 5 wrong tries. */
export const verificationCodeTtlMs = 30 * 60 * 1000;
export const maxVerificationAttempts = 5;

/** Six random decimal digits, leading zeros kept. */
export function newVerificationCode(): string {
  return randomInt(0, 1_000_000).toString().padStart(6, "0");
}

/**
 * Only this hash is stored. It is salted with the request id so equal codes of two requests do not
 * hash alike; with a million possible codes it keeps the code out of dumps and logs for its
 * 30 minutes rather than resisting a search — the attempt limit is what protects the code online.
 */
export function hashVerificationCode(requestId: string, code: string): string {
  return createHash("sha256").update(`${requestId}:${code}`).digest("hex");
}

export function codeMatches(requestId: string, code: string, storedHash: string): boolean {
  const given = Buffer.from(hashVerificationCode(requestId, code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
