import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** How long a download link works: long enough to click, short enough that a leaked link soon dies. */
export const downloadLinkTtlMs = 10 * 60_000;

const linkPayload = z.object({ r: z.uuid(), a: z.string(), e: z.number().int() }).strict();
export type DownloadGrant = { requestId: string; actor: string; expiresAt: Date };

function sign(key: Buffer, payload: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url");
}

/**
 * A download token: the request id, who asked for it and the expiry, HMAC-SHA256 signed with the
 * API's link key. Stateless, so any replica with the key can serve it.
 */
export function createDownloadToken(key: Buffer, grant: DownloadGrant): string {
  const payload = Buffer.from(JSON.stringify({ r: grant.requestId, a: grant.actor, e: grant.expiresAt.getTime() })).toString("base64url");
  return `${payload}.${sign(key, payload)}`;
}

/** The grant a token carries, or null if it is forged, altered or expired. */
export function readDownloadToken(key: Buffer, token: string, now: Date): DownloadGrant | null {
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length > 0) return null;
  const expected = Buffer.from(sign(key, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: z.infer<typeof linkPayload>;
  try {
    parsed = linkPayload.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return null;
  }
  if (parsed.e <= now.getTime()) return null;
  return { requestId: parsed.r, actor: parsed.a, expiresAt: new Date(parsed.e) };
}
