import type { Identifier } from "@lethe/connector-sdk";
import { describe, expect, it } from "vitest";
import type { PersonRecord } from "../vendor/records";
import { corroborated, matchOf } from "./match-strength";

const phone: Identifier = { kind: "phone", value: "+12015550100" };
const email: Identifier = { kind: "email", value: "ada.lovelace@analytical.example.com" };
const person: PersonRecord = {
  id: "per_1",
  name: "Someone Else",
  email: "someone.else@example.net",
  phone: "+12015550100",
  customerId: "CUS-000001",
  createdAt: "2024-01-01T00:00:00.000Z",
  restricted: false,
};

describe("match strength", () => {
  it("is strong for an identifier one person holds and weak, with the count, for a shared one", () => {
    expect(matchOf(email, 1)).toEqual({ identifier: email, strength: "strong", field: "email" });
    expect(matchOf(phone, 2)).toEqual({
      identifier: phone,
      strength: "weak",
      field: "phone",
      reason: "shared: 2 people in this system have this phone",
    });
  });

  it("weakens a phone-only match when the record's e-mail is not one of the subject's", () => {
    const [match] = corroborated(person, [matchOf(phone, 1)], [email, phone]);
    expect(match?.strength).toBe("weak");
    expect(match?.reason).toContain("uncorroborated");
  });

  it("keeps a phone-only match strong when the subject's e-mail is unknown or is the record's", () => {
    expect(corroborated(person, [matchOf(phone, 1)], [phone])[0]?.strength).toBe("strong");
    const sameEmail: Identifier = { kind: "email", value: "Someone.Else@example.net" };
    expect(corroborated(person, [matchOf(phone, 1)], [sameEmail, phone])[0]?.strength).toBe("strong");
  });
});
