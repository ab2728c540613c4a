import { ConfigurationError, redactionMarker, type ErasePlan, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { occurrences } from "./locate/find-mentions";
import type { ReferenceContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { noteRecord } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/**
 * A redact plan, for the one kind of record this connector redacts: a note about someone else
 * that mentions the subject. The note is read, each whole occurrence of the subject's addresses
 * replaced by `[redacted]`, and written back with `PATCH /api/notes/:id` (API.md, "Update a
 * record"); the rest of the note is kept. A note that no longer mentions them is left as it is
 * (a repeat sends nothing), one that is gone is `already-absent`.
 */
export async function* redactMentions(ctx: ReferenceContext, refs: RecordRef[], plan: Extract<ErasePlan, { action: "redact" }>): AsyncGenerator<ErasureReceipt> {
  const addresses = plan.identifiers.filter((identifier) => identifier.kind === "email").map((identifier) => identifier.value.toLowerCase());
  for (const ref of refs) {
    if (ref.type !== "note") throw new ConfigurationError(`The reference connector redacts only notes that mention the subject, not a ${ref.type}; plan "erase" for it`);
    ctx.signal.throwIfAborted();
    const path = `/api/notes/${pathId(ref.id)}`;
    const response = await callVendor(ctx, { method: "GET", path, route: "notes.get" });
    expectStatus(response, [200, 404], "notes.get");
    if (response.status === 404) {
      yield { ref, outcome: "already-absent", detail: "No longer among active notes" };
      continue;
    }
    const note = await readRecord(response, noteRecord, { route: "notes.get", recordType: "note" });
    const body = redact(note.body, addresses);
    if (body === note.body) {
      yield { ref, outcome: "redacted", detail: "Kept; the note no longer held the subject's address" };
      continue;
    }
    const patched = await callVendor(ctx, { method: "PATCH", path, body: { body }, route: "notes.update" });
    expectStatus(patched, [200], "notes.update");
    yield { ref, outcome: "redacted", detail: "Kept; the subject's address replaced by [redacted] in the note's text" };
  }
}

function redact(text: string, addresses: readonly string[]): string {
  let out = text;
  for (const address of addresses) {
    // From the end, so that earlier offsets stay valid.
    for (const { start, end } of occurrences(out, address).reverse()) out = `${out.slice(0, start)}${redactionMarker}${out.slice(end)}`;
  }
  return out;
}
