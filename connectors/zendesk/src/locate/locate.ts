import { identifierKey, recordKey, type Identifier, type JsonValue, type LocatedRecord, type LocateQuery } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ZendeskContext } from "../settings";
import type { ZendeskIdentity } from "../vendor/records";
import { findMentions } from "./find-mentions";
import { carriesAnyOf, findUsers, nativeIdSystem, type MatchedUser } from "./find-users";
import { TicketReader } from "./ticket-reader";
import { userRecords } from "./user-records";

/** How many records an interrupted locate had yielded (and the runtime had stored). */
const locateCheckpoint = z.object({ version: z.literal(1), yielded: z.int().nonnegative() });

/**
 * Finds the users the subject's identifiers point at (search, then exact comparison with their
 * identities), everything filed under each (user, identities, requested tickets, participation in
 * other tickets, comments written there), then other people's comments that mention the subject's
 * e-mail addresses or phone numbers.
 *
 * Resumable: the walk is deterministic for an unchanged account, so the checkpoint is the number of
 * records already yielded; a resumed run repeats the (read-only) calls and skips that many. Zendesk
 * offers no stable cursor across the several lists a locate walks, and identifier values are kept
 * out of the checkpoint.
 */
export async function* locate(ctx: ZendeskContext, query: LocateQuery): AsyncGenerator<LocatedRecord> {
  const skip = await loadYielded(ctx);
  // Identifiers an earlier round searched with (`known`) are the subject's too: not "discovered".
  const queried = new Set([...query.identifiers, ...(query.known ?? [])].map((identifier) => identifierKey(normalised(identifier))));
  const users = await findUsers(ctx, query.identifiers, query.known);
  ctx.log.info("Located Zendesk users by the subject's identifiers", { users: users.length });
  const reader = new TicketReader(ctx);
  const seen = new Set<string>();
  let position = 0;

  const emit = async function* (record: LocatedRecord): AsyncGenerator<LocatedRecord> {
    const key = recordKey(record.ref);
    if (seen.has(key)) return;
    seen.add(key);
    position++;
    if (position <= skip) return;
    ctx.signal.throwIfAborted();
    yield record;
    await ctx.checkpoint.save({ version: 1, yielded: position } satisfies JsonValue);
  };

  for (const matched of users) {
    // Found again in a later round: its records were walked by the round whose search found it;
    // only the user record carries the new match (the engine merges it), nothing is listed again.
    const walked = carriesAnyOf(matched, query.known ?? []);
    for await (const record of userRecords(ctx, matched, reader)) {
      const discovered = record.ref.type === "user" ? discoveredIdentifiers(matched, queried) : [];
      yield* emit({ ...record, matchedBy: [...matched.matchedBy], discovered });
      if (walked) break;
    }
  }
  for await (const record of findMentions(ctx, query.identifiers, users, reader)) yield* emit(record);
}

/** The identities (and the user id) on the user that the query did not hold. */
function discoveredIdentifiers(matched: MatchedUser, queried: ReadonlySet<string>): Identifier[] {
  const onRecord: Identifier[] = [
    ...matched.identities.flatMap(identifierOf),
    { kind: "native_id", value: String(matched.user.id), system: nativeIdSystem },
  ];
  const seen = new Set(queried);
  return onRecord.filter((identifier) => {
    const key = identifierKey(identifier);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function identifierOf(identity: ZendeskIdentity): Identifier[] {
  if (identity.type === "email") return [{ kind: "email", value: identity.value.toLowerCase() }];
  if (identity.type === "phone_number") return [{ kind: "phone", value: identity.value }];
  return [];
}

function normalised(identifier: Identifier): Identifier {
  return identifier.kind === "email" ? { ...identifier, value: identifier.value.toLowerCase() } : identifier;
}

async function loadYielded(ctx: ZendeskContext): Promise<number> {
  const saved = await ctx.checkpoint.load();
  if (saved === undefined) return 0;
  const parsed = locateCheckpoint.safeParse(saved);
  if (parsed.success) return parsed.data.yielded;
  ctx.log.warn("Ignoring a locate checkpoint in an unknown format; locating from the start");
  return 0;
}
