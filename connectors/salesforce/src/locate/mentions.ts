import type { Identifier } from "@lethe/connector-sdk";
import { soqlContains, soqlDigitsInOrder, soslTerm } from "../client/soql-literal";
import type { SalesforceClient } from "../client/salesforce-client";
import { subjectSpans } from "../erase/free-text-identifiers";
import type { SalesforceContext } from "../settings";
import { queryAnyOf } from "../vendor/query-any-of";
import { searchRecords } from "../vendor/read-records";
import { recordSchemas } from "../vendor/records";
import { containsLike, digitsInOrderLike } from "./like-in-order";
import type { LocatedSet } from "./located-set";
import { nationalDigits } from "./phone-numbers";

/** The free-text fields a mention can sit in, per object (what the redaction rewrites). */
const textFields: Record<string, readonly string[]> = {
  Case: ["Subject", "Description"],
  Task: ["Subject", "Description"],
  Event: ["Subject", "Description"],
  EmailMessage: ["Subject", "TextBody", "HtmlBody"],
};

/**
 * Free-text mentions: Case, Task and Event subjects and descriptions and e-mail subjects and bodies
 * that quote the subject's e-mail address, found by SOSL with the address's reserved characters
 * escaped. A record found this way and not as the subject's own is someone else's that mentions
 * them: reported `relation: "mentions"` with the fields holding the address, so the engine plans
 * `redact` — the address is removed, the record kept. The match is strong when the whole address
 * occurs (not a `+tag` or longer address containing it): redacting its exact occurrences takes
 * nothing of anyone else's; the engine still makes it weak when the address is only discovered.
 */
export async function findMentions(ctx: SalesforceContext, client: SalesforceClient, identifiers: Identifier[], found: LocatedSet): Promise<void> {
  for (const identifier of identifiers) {
    if (identifier.kind !== "email") continue;
    const sosl = `FIND {${soslTerm(identifier.value)}} IN ALL FIELDS RETURNING Case(Id, Subject, Description), Task(Id, Subject, Description), Event(Id, Subject, Description), EmailMessage(Id, Subject, TextBody, HtmlBody)`;
    for (const { type, record } of await searchRecords(client, sosl, recordSchemas, "locate.mentions")) {
      const id = String(record.Id);
      if (found.isOwn(id)) continue;
      const fields = (textFields[type] ?? []).filter((field) => {
        const text = record[field];
        return typeof text === "string" && subjectSpans(text, [identifier], ctx.settings.defaultPhoneRegion).length > 0;
      });
      if (fields.length === 0) continue;
      found.add(
        { type, id },
        [{ identifier, strength: "strong", field: `${type}.${fields[0] ?? ""}`, reason: "mentioned in another person's record: the address is redacted, the record kept" }],
        `${type} of someone else mentioning the subject`,
        [],
        fields,
      );
    }
  }
  await findCommentMentions(ctx, client, identifiers, found);
}

/**
 * Case comments (CommentBody) that quote the subject's e-mail address or phone number on another
 * person's Case. CommentBody is filterable (object reference, CaseComment: "Create, Filter,
 * Nillable, Sort, Update"), so they are read with queryAll and a LIKE — no search-index lag, and
 * comments in the Recycle Bin too — then each kept only where the whole identifier occurs (the
 * LIKE on a number's digits lets near misses through). A comment on the subject's own Case is
 * theirs already (related-records.ts).
 */
async function findCommentMentions(ctx: SalesforceContext, client: SalesforceClient, identifiers: Identifier[], found: LocatedSet): Promise<void> {
  // One queryAll for every identifier: a LIKE per identifier, ORed; each comment is then put down
  // to the identifiers it quotes whole.
  const searched = identifiers.map((identifier) => {
    const digits = identifier.kind === "phone" ? nationalDigits(identifier.value) : undefined;
    if (identifier.kind === "email") return { pattern: soqlContains(identifier.value), selects: (text: string | undefined) => containsLike(text, identifier.value) };
    return digits ? { pattern: soqlDigitsInOrder(digits), selects: (text: string | undefined) => digitsInOrderLike(text, digits) } : undefined;
  });
  const alternatives = searched.flatMap((term) => (term ? [`CommentBody LIKE ${term.pattern}`] : []));
  if (alternatives.length === 0) return;
  const comments = await queryAnyOf(client, "SELECT Id, ParentId, CommentBody FROM CaseComment", alternatives, recordSchemas.CaseComment, { route: "locate.case-comment-mentions", recordType: "CaseComment", signal: ctx.signal });
  for (const [index, identifier] of identifiers.entries()) {
    const term = searched[index];
    if (!term) continue;
    for (const comment of comments) {
      // Selected by this identifier's own LIKE, as when each identifier had a query (like-in-order.ts).
      if (!term.selects(comment.CommentBody ?? undefined)) continue;
      if (found.isOwn(comment.Id) || (comment.ParentId && found.isOwn(comment.ParentId))) continue;
      if (subjectSpans(comment.CommentBody ?? "", [identifier], ctx.settings.defaultPhoneRegion).length === 0) continue;
      found.add(
        { type: "CaseComment", id: comment.Id },
        [{ identifier, strength: "strong", field: "CaseComment.CommentBody", reason: `mentioned in a comment on another person's case: the ${identifier.kind} is redacted, the comment kept` }],
        "Comment on someone else's case mentioning the subject",
        [],
        ["CommentBody"],
      );
    }
  }
}
