import { describe, expect, it } from "vitest";
import { identifierSpans } from "./identifier-spans";

const subject = [
  { kind: "email" as const, value: "jane.doe@example.com" },
  { kind: "phone" as const, value: "+12015550107" },
  { kind: "name" as const, value: "Jane Doe" },
  { kind: "native_id" as const, value: "36100000001", system: "zendesk" },
];
const cut = (text: string) => identifierSpans(text, subject).map((span) => text.slice(span.start, span.end));

describe("identifierSpans", () => {
  it("finds the subject's address in any case, their number in any spacing and their name as whole words", () => {
    expect(cut("From JANE.DOE@example.com, call +1 (201) 555-0107; jane doe agreed.")).toEqual(["JANE.DOE@example.com", "+1 (201) 555-0107", "jane doe"]);
  });

  it("leaves near-identical identifiers of other people and the user id alone", () => {
    expect(cut("jane.doe+tag@example.com, xjane.doe@example.com, jane.doe@example.com.au, +44 201 555 0107, Jane Doerty, 36100000001")).toEqual([]);
  });
});
