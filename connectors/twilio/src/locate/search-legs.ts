import { identifierKey, type Identifier } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";
import { listAll } from "../vendor/list-all";
import { callRecord, messageRecord, type CallRecord, type MessageRecord } from "../vendor/records";
import { isLeg, legAddresses, type LegAddress } from "./leg-addresses";

/** A record found through the subject's addresses, with each identifier that led to it and where. */
export interface Found<T> {
  record: T;
  /** identifierKey → the identifier and the field (`to`, `from`) that held it. */
  via: Map<string, { identifier: Identifier; field: string }>;
}

export interface LegSearch {
  /** identifierKey → the addresses searched for that identifier. */
  addresses: Map<string, LegAddress[]>;
  calls: Map<string, Found<CallRecord>>;
  messages: Map<string, Found<MessageRecord>>;
}

/**
 * Lists the calls and messages whose `To` or `From` is one of the subject's addresses: two
 * listings per address and kind (Twilio filters on one leg at a time). Twilio's filters match
 * exactly, but each answer is still checked to carry the address: a listing that returned
 * anything else would otherwise lead to a stranger's record.
 */
export async function searchLegs(ctx: TwilioContext, identifiers: readonly Identifier[]): Promise<LegSearch> {
  const search: LegSearch = { addresses: new Map(), calls: new Map(), messages: new Map() };
  for (const identifier of identifiers) {
    const key = identifierKey(identifier);
    if (search.addresses.has(key)) continue;
    const addresses = legAddresses(identifier, ctx.settings.sipDomains);
    search.addresses.set(key, addresses);
    for (const leg of addresses) {
      for (const field of ["to", "from"] as const) {
        ctx.signal.throwIfAborted();
        const filter = { [field === "to" ? "To" : "From"]: leg.address };
        if (leg.listings.includes("calls")) {
          const calls = await listAll(ctx, { path: "/Calls.json", query: filter, key: "calls", schema: callRecord, recordType: "call", route: "calls.list" });
          for (const call of calls) if (isLeg(call[field], leg.address)) add(search.calls, call.sid, call, identifier, field);
        }
        if (leg.listings.includes("messages")) {
          const messages = await listAll(ctx, { path: "/Messages.json", query: filter, key: "messages", schema: messageRecord, recordType: "message", route: "messages.list" });
          for (const message of messages) if (isLeg(message[field], leg.address)) add(search.messages, message.sid, message, identifier, field);
        }
      }
    }
  }
  return search;
}

function add<T>(found: Map<string, Found<T>>, sid: string, record: T, identifier: Identifier, field: string): void {
  const entry = found.get(sid) ?? { record, via: new Map() };
  const key = identifierKey(identifier);
  if (!entry.via.has(key)) entry.via.set(key, { identifier, field });
  found.set(sid, entry);
}
