import type { ErasureReceipt, RecordRef } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { readEnvelope } from "../vendor/read-zendesk-json";
import { zendeskDeletedUser } from "../vendor/records";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";

export const scrubbedName = "Permanently Deleted User";

/**
 * The user: `DELETE /users/:id` (soft, Z22), then `DELETE /deleted_users/:id` (permanent, Z23;
 * 700 per 10 minutes, paced by `ctx.http`'s limiter and Retry-After). Zendesk scrubs the deleted
 * user's name, e-mail and phone a little later, so the receipt is `pending` until `confirm` sees
 * "Permanently Deleted User" with nulls (vendor-apis.md §2.8 trap 4). Identities go with the user.
 */
export async function eraseUser(ctx: ZendeskContext, ref: RecordRef, userId: number): Promise<ErasureReceipt> {
  const softRoute = "users.delete";
  const soft = await callZendesk(ctx, { method: "DELETE", path: `/users/${pathId(userId)}`, route: softRoute });
  expectStatus(soft, [200, 404], softRoute);
  const purgeRoute = "deleted_users.delete";
  const purge = await callZendesk(ctx, { method: "DELETE", path: `/deleted_users/${pathId(userId)}`, route: purgeRoute });
  expectStatus(purge, [200, 404], purgeRoute);
  if (purge.status === 200) {
    return { ref, outcome: "pending", pending: { jobId: `deleted-user:${userId}` }, detail: "Deleted and permanently deleted; Zendesk scrubs the deleted user shortly" };
  }
  return scrubState(ctx, ref, userId);
}

/** Where a user already absent from users stands in deleted users. */
export async function scrubState(ctx: ZendeskContext, ref: RecordRef, userId: number, pendingAlready = false): Promise<ErasureReceipt> {
  const route = "deleted_users.show";
  const response = await callZendesk(ctx, { method: "GET", path: `/deleted_users/${pathId(userId)}`, route });
  expectStatus(response, [200, 404], route);
  const gone: ErasureReceipt = pendingAlready
    ? { ref, outcome: "erased", detail: "Permanently deleted and scrubbed by Zendesk" }
    : { ref, outcome: "already-absent", detail: "Not among users; scrubbed or absent in deleted users" };
  if (response.status === 404) return gone;
  const deleted = await readEnvelope(response, "deleted_user", zendeskDeletedUser, { route, recordType: "deleted_user" });
  const scrubbed = deleted.name === scrubbedName && deleted.email === null && deleted.phone === null;
  if (scrubbed) return gone;
  return { ref, outcome: "pending", pending: { jobId: `deleted-user:${userId}` }, detail: "Permanently deleted; Zendesk has not scrubbed the deleted user yet" };
}
