import { VendorContractError, type ExpiredPage, type ExpiredRecord, type FindExpiredInput, type Identifier } from "@lethe/connector-sdk";
import { identitiesOf } from "../locate/find-users";
import type { ZendeskContext } from "../settings";
import { exportSearch } from "../vendor/pages";
import { z } from "zod";
import { zendeskTicket, type ZendeskIdentity } from "../vendor/records";

/** Zendesk's ticket tags (Z10): what case holds and keep-tags match. */
const ticketTags = z.array(z.string());

/** The record type retention schedules name: a closed ticket. */
export const retentionRecordType = "ticket";

/**
 * Closed tickets last updated before `input.before` (a closed ticket cannot change any more, so
 * its last update is when it closed). Through the export search (vendor-apis.md §2.2 Z2, no 1,000
 * cap) with Zendesk's own syntax, `status:closed updated<YYYY-MM-DD`. The search compares whole
 * days in the account's time zone (up to 14 hours from UTC), so the query asks for two days more
 * than the cut-off and each hit is compared with the exact instant: no ticket is reported early
 * and none is missed. Each ticket's
 * requester's identities (one call per requester) are reported for person-level legal holds.
 */
export async function* findExpiredTickets(ctx: ZendeskContext, input: FindExpiredInput): AsyncGenerator<ExpiredPage> {
  if (input.recordType !== retentionRecordType) throw new TypeError(`The Zendesk connector finds expired records of type "ticket" only, not "${input.recordType}"`);
  const before = Date.parse(input.before);
  if (!Number.isFinite(before)) throw new TypeError(`"${input.before}" is not an instant`);
  // The date is digits and dashes only: nothing in it can change the query's meaning.
  const day = new Date(before + 2 * 86_400_000).toISOString().slice(0, 10);
  const hits = await exportSearch(ctx, `status:closed updated<${day}`, "ticket", "search.export");
  const identities = new Map<number, Identifier[]>();
  const records: ExpiredRecord[] = [];
  for (const hit of hits) {
    const parsed = zendeskTicket.safeParse(hit);
    if (!parsed.success) throw new VendorContractError("search.export answered a ticket that does not match its schema", { route: "search.export", recordType: "ticket", issues: parsed.error.issues });
    const ticket = parsed.data;
    if (ticket.status !== "closed" || Date.parse(ticket.updated_at) >= before) continue;
    ctx.signal.throwIfAborted();
    let requester = identities.get(ticket.requester_id);
    if (!requester) {
      requester = identifiersOf(await identitiesOf(ctx, ticket.requester_id));
      identities.set(ticket.requester_id, requester);
    }
    const tags = ticketTags.safeParse(ticket.tags).data ?? [];
    records.push({
      ref: { type: retentionRecordType, id: String(ticket.id) },
      label: `Ticket #${ticket.id} (closed ${ticket.updated_at.slice(0, 10)})`,
      facts: { occurredAt: ticket.updated_at, tags },
      identifiers: requester,
    });
  }
  yield { records, cursor: null };
}

function identifiersOf(identities: readonly ZendeskIdentity[]): Identifier[] {
  return identities.flatMap((identity): Identifier[] => {
    if (identity.type === "email") return [{ kind: "email", value: identity.value.toLowerCase() }];
    if (identity.type === "phone_number") return [{ kind: "phone", value: identity.value }];
    return [];
  });
}
