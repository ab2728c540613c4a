import type { ErasureReceipt, RecordRef } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { readEnvelope } from "../vendor/read-zendesk-json";
import { zendeskIdentity } from "../vendor/records";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";
import { eraseUser } from "./erase-user";

/**
 * An identity (an e-mail address or phone number of the user). When its user is erased in the
 * same call, the user's permanent deletion removed it. Otherwise a secondary identity is deleted
 * (`DELETE /users/:id/identities/:id`); the primary one cannot be, and goes with its user.
 */
export async function eraseIdentity(
  ctx: ZendeskContext,
  ref: RecordRef,
  userId: number,
  identityId: number,
  userErased: ErasureReceipt | undefined,
): Promise<ErasureReceipt> {
  // A user permanently deleted takes every identity with them: nothing left to ask about.
  if (userErased && (userErased.outcome === "erased" || userErased.outcome === "pending")) {
    return { ref, outcome: "erased", detail: "Removed with its user's permanent deletion" };
  }
  const showRoute = "identities.show";
  const shown = await callZendesk(ctx, { method: "GET", path: `/users/${pathId(userId)}/identities/${pathId(identityId)}`, route: showRoute });
  expectStatus(shown, [200, 404], showRoute);
  if (shown.status === 404) return { ref, outcome: "already-absent", detail: "The user no longer has this identity" };
  const identity = await readEnvelope(shown, "identity", zendeskIdentity, { route: showRoute, recordType: "identity" });
  if (identity.primary) {
    const user = await eraseUser(ctx, { type: "user", id: String(userId) }, userId);
    return { ref, outcome: "erased", detail: `The primary identity goes only with its user, who was erased (${user.outcome})` };
  }
  const route = "identities.delete";
  const deleted = await callZendesk(ctx, { method: "DELETE", path: `/users/${pathId(userId)}/identities/${pathId(identityId)}`, route });
  expectStatus(deleted, [204, 404], route);
  return deleted.status === 204
    ? { ref, outcome: "erased", detail: "Identity deleted" }
    : { ref, outcome: "already-absent", detail: "The user no longer has this identity" };
}
