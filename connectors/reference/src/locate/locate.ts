import { identifierKey, sameEmail, type Identifier, type LocatedRecord, type LocateQuery } from "@lethe/connector-sdk";
import type { PersonRecord } from "../vendor/records";
import type { ReferenceContext } from "../settings";
import { discoveredIdentifiers } from "./discovered-identifiers";
import { findMentions } from "./find-mentions";
import { findPeople, nativeIdSystem } from "./find-people";
import { loadLocateCheckpoint, saveLocateCheckpoint, walkStart, type LocateCheckpoint } from "./locate-checkpoint";
import { personRecords } from "./person-records";

/**
 * Finds the people the subject's identifiers point at, then everything filed under each: their
 * person record, notes, attachments and calls (with the facts legal holds match on), which carry the person's matches (a note found through a
 * shared phone number is as weak as that match); last, notes about other people that mention the
 * subject's address (`relation: "mentions"`, find-mentions.ts).
 *
 * In a later locate round (`query.known` holds what earlier rounds searched with) a person found
 * again is reported without walking their records a second time (`carriesKnown`).
 *
 * Resumable: the checkpoint is saved after every yielded record (the runtime stores a record
 * before asking for the next), so an interrupted run resumes at the next record, with neither a
 * gap nor a repeat, and a person found by two identifiers is still yielded once.
 */
export async function* locate(ctx: ReferenceContext, query: LocateQuery): AsyncGenerator<LocatedRecord> {
  const state: LocateCheckpoint = await loadLocateCheckpoint(ctx);
  const finished = new Set(state.finished);
  const known = query.known ?? [];
  const queried = new Set(
    [...query.identifiers, ...known].map((identifier) =>
      identifierKey(identifier.kind === "email" ? { ...identifier, value: identifier.value.toLowerCase() } : identifier),
    ),
  );
  const people = await findPeople(ctx, query.identifiers, known);
  ctx.log.info("Located people by the subject's identifiers", { people: people.length });

  for (const { person, matchedBy } of people) {
    if (finished.has(person.id)) continue;
    const resumeAt = state.current?.personId === person.id ? state.current : undefined;
    // Found again in a later round: the earlier round's search by the identifier it carries found
    // it and walked its records, so only the new match is reported; listing them again would
    // repeat those calls for records the engine holds already.
    const walked = carriesKnown(person, known);

    if (!resumeAt) {
      ctx.signal.throwIfAborted();
      yield {
        ref: { type: "person", id: person.id },
        matchedBy: [...matchedBy],
        discovered: discoveredIdentifiers(person, queried),
        label: "Person record",
        restricted: person.restricted,
      };
      state.current = { personId: person.id, ...walkStart };
      await saveLocateCheckpoint(ctx, state);
    }

    for await (const step of walked ? [] : personRecords(ctx, person.id, resumeAt ?? walkStart)) {
      ctx.signal.throwIfAborted();
      yield {
        ref: step.ref,
        matchedBy: [...matchedBy],
        discovered: [],
        label: step.label,
        restricted: step.restricted,
        ...(step.facts ? { facts: step.facts } : {}),
      };
      state.current = { personId: person.id, ...step.after };
      await saveLocateCheckpoint(ctx, state);
    }

    finished.add(person.id);
    state.finished = [...finished];
    state.current = null;
    await saveLocateCheckpoint(ctx, state);
  }

  // Then other people's notes that mention the subject: redacted, never erased.
  const mentioned = new Set(state.mentioned ?? []);
  for await (const record of findMentions(ctx, query.identifiers, new Set(people.map(({ person }) => person.id)))) {
    if (mentioned.has(record.ref.id)) continue;
    yield record;
    mentioned.add(record.ref.id);
    state.mentioned = [...mentioned];
    await saveLocateCheckpoint(ctx, state);
  }
}

/**
 * Whether a person carries one of the identifiers an earlier round searched with: the vendor's
 * search by e-mail, phone and customer id returns every holder, and a native id names one person,
 * so that round found this person and walked everything filed under them.
 */
function carriesKnown(person: PersonRecord, known: readonly Identifier[]): boolean {
  return known.some((identifier) => {
    if (identifier.kind === "email") return sameEmail(person.email, identifier.value);
    if (identifier.kind === "phone") return person.phone === identifier.value;
    if (identifier.kind === "customer_id") return person.customerId === identifier.value;
    return identifier.kind === "native_id" && identifier.system === nativeIdSystem && person.id === identifier.value;
  });
}
