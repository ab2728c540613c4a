import type { Identifier, LocatedRecord } from "@lethe/connector-sdk";
import type { ReferenceContext } from "../settings";
import { readPage } from "../vendor/read-vendor-json";
import { noteRecord } from "../vendor/records";
import { callVendor, expectStatus } from "../vendor/vendor-request";
import { pageSize } from "./find-people";

const route = "notes.search";

/**
 * Notes about other people whose text holds the subject's e-mail address (API.md, "Search
 * notes"): another person's record that only mentions the subject, reported
 * `relation: "mentions"` so that the engine redacts the address and keeps the note. Notes of the
 * people the subject's identifiers found are theirs already and left out. The match is strong:
 * the whole address occurs, and redacting it takes nothing of the note's owner.
 */
export async function* findMentions(ctx: ReferenceContext, identifiers: readonly Identifier[], own: ReadonlySet<string>): AsyncGenerator<LocatedRecord> {
  for (const identifier of identifiers) {
    if (identifier.kind !== "email") continue;
    const address = identifier.value.toLowerCase();
    let cursor: string | null = null;
    do {
      ctx.signal.throwIfAborted();
      const response = await callVendor(ctx, { method: "GET", path: "/api/notes", query: { contains: address, limit: pageSize, cursor: cursor ?? undefined }, route });
      expectStatus(response, [200], route);
      const page = await readPage(response, noteRecord, { route, recordType: "note" });
      for (const note of page.items) {
        if (own.has(note.personId) || !mentions(note.body, address)) continue;
        yield {
          ref: { type: "note", id: note.id },
          matchedBy: [{ identifier, strength: "strong", field: "note.body", reason: "mentioned in another person's note: the address is redacted, the note kept" }],
          discovered: [],
          label: `Note of ${note.createdAt.slice(0, 10)} about someone else`,
          relation: "mentions",
          mentionFields: ["body"],
          restricted: note.restricted,
        };
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
  }
}

/** The whole address, not a longer one containing it (`ann@x.com` is not in `joann@x.com`). */
export function mentions(text: string, address: string): boolean {
  return occurrences(text, address).length > 0;
}

/** Where the address occurs as a whole address, case-insensitively. */
export function occurrences(text: string, address: string): { start: number; end: number }[] {
  const lower = text.toLowerCase();
  const found: { start: number; end: number }[] = [];
  const addressCharacter = /[A-Za-z0-9._%+-]/;
  for (let at = lower.indexOf(address); at >= 0; at = lower.indexOf(address, at + 1)) {
    const end = at + address.length;
    const before = text[at - 1] ?? "";
    const after = text[end] ?? "";
    const continues = addressCharacter.test(after) && !(after === "." && !addressCharacter.test(text[end + 1] ?? ""));
    if (addressCharacter.test(before) || continues) continue;
    found.push({ start: at, end });
  }
  return found;
}
