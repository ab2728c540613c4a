import type { ErasureReceipt, RecordRef } from "@lethe/connector-sdk";
import { rolesIn } from "../locate/user-records";
import type { ZendeskContext } from "../settings";
import { readEnvelope } from "../vendor/read-zendesk-json";
import { zendeskTicket } from "../vendor/records";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";

/**
 * The person's place in someone else's ticket: the ticket is not theirs to delete, so they are
 * removed from its CCs and followers (`PUT /tickets/:id` with `email_ccs`/`followers` actions
 * `delete`). Zendesk refuses updates to closed tickets and never changes a submitter: those are
 * retained, named as such, and lose their link to the person with the user's permanent deletion.
 */
export async function leaveTicket(ctx: ZendeskContext, ref: RecordRef, ticketId: number, userId: number): Promise<ErasureReceipt> {
  const showRoute = "tickets.show";
  const shown = await callZendesk(ctx, { method: "GET", path: `/tickets/${pathId(ticketId)}`, route: showRoute });
  expectStatus(shown, [200, 404], showRoute);
  if (shown.status === 404) return { ref, outcome: "already-absent", detail: "The ticket no longer exists" };
  const ticket = await readEnvelope(shown, "ticket", zendeskTicket, { route: showRoute, recordType: "ticket" });
  const roles = rolesIn(ticket, userId);
  const removable = roles.filter((role) => role !== "submitter");
  if (roles.length === 0) return { ref, outcome: "already-absent", detail: "No longer CC, follower or submitter of the ticket" };
  if (removable.length === 0) {
    return { ref, outcome: "retained", hold: { basis: "Zendesk does not change a ticket's submitter" }, detail: "Submitter of the ticket; the reference is anonymised by the user's permanent deletion" };
  }
  if (ticket.status === "closed") {
    return { ref, outcome: "retained", hold: { basis: "closed ticket: Zendesk refuses updates" }, detail: `Still ${removable.join(" and ")}; the reference is anonymised by the user's permanent deletion` };
  }
  const route = "tickets.update";
  const change = [{ user_id: userId, action: "delete" }];
  const updated = await callZendesk(ctx, {
    method: "PUT",
    path: `/tickets/${pathId(ticketId)}`,
    body: { ticket: { email_ccs: change, followers: change } },
    route,
  });
  expectStatus(updated, [200], route);
  const after = rolesIn(await readEnvelope(updated, "ticket", zendeskTicket, { route, recordType: "ticket" }), userId);
  if (after.includes("submitter")) {
    return { ref, outcome: "retained", hold: { basis: "Zendesk does not change a ticket's submitter" }, detail: `Removed as ${removable.join(" and ")}; still the submitter` };
  }
  return { ref, outcome: "erased", detail: `Removed as ${removable.join(" and ")} of the ticket` };
}
