import { describe, expect, it } from "vitest";
import { mentionsAnyOf, mentionsOf } from "./identifier-mentions";

const email = { kind: "email" as const, value: "Ada.King@Example.com" };
const phone = { kind: "phone" as const, value: "+447700900123" };

describe("mentions of the subject's identifiers in free text", () => {
  it("finds an e-mail in any case and a phone in any international formatting", () => {
    expect(mentionsOf("cc: ADA.KING@example.COM, bob@example.com", email)).toHaveLength(1);
    expect(mentionsOf("call +44 7700 900123 after six", phone)).toHaveLength(1);
  });

  it("does not take a look-alike for the subject", () => {
    expect(mentionsAnyOf(["ada.king+news@example.com", "adaking@example.com", "+447700900124"], [email, phone])).toBe(false);
  });

  it("answers over several fields and ignores empty ones", () => {
    expect(mentionsAnyOf([null, undefined, "", "Description: write to ada.king@example.com."], [email])).toBe(true);
  });
});
