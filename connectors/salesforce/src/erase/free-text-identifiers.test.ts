import { describe, expect, it } from "vitest";
import { redactSubject } from "./free-text-identifiers";

const subject = [
  { kind: "email" as const, value: "o'brien@example.com" },
  { kind: "phone" as const, value: "+19776252661" },
];

describe("redactSubject", () => {
  it("replaces the subject's address (any case, an apostrophe in it) and number (however typed) with markers", () => {
    expect(redactSubject("Mail O'Brien@Example.com or ring (977) 625-2661 / +1 977.625.2661 on 2024-05-01.", subject, "US")).toBe(
      "Mail [REDACTED:email] or ring [REDACTED:phone] / [REDACTED:phone] on 2024-05-01.",
    );
  });

  it("finds one number among several in a run and leaves the others", () => {
    expect(redactSubject("Numbers: 977-625-2661 977-625-2662", subject, "US")).toBe("Numbers: [REDACTED:phone] 977-625-2662");
  });

  it("leaves a +tag address, the same mailbox elsewhere and the same digits under +44", () => {
    const text = "o'brien+news@example.com, o'brien@example.com.au, +44 977 625 2661";
    expect(redactSubject(text, subject, "US")).toBe(text);
  });
});
