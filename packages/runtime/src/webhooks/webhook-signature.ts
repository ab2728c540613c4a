import { createHmac, timingSafeEqual } from "node:crypto";

/** The header every delivery carries (the scheme of Stripe's, so receivers know the pattern). */
export const signatureHeader = "Lethe-Signature";

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA-256(secret, t + "." + body)>`. The timestamp is signed with
 * the body so a captured delivery cannot be replayed later than the receiver's tolerance.
 */
export function signWebhookBody(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacHex(secret, `${t}.${body}`)}`;
}

/**
 * What a receiver does: recompute the HMAC over the raw body it got and compare in constant time;
 * refuse a timestamp further than `toleranceSeconds` (default 300) from its clock.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  body: string,
  options: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(",").map((part) => {
      const at = part.indexOf("=");
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(hmacHex(secret, `${t}.${body}`), "hex");
  return timingSafeEqual(expected, Buffer.from(v1, "hex"));
}

function hmacHex(secret: string, text: string): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}
