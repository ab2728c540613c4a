import { describe, expect, it } from "vitest";
import { peopleHolding, sameEmail } from "./identifier-holders";

describe("one identifier, one person", () => {
  it("counts the holders of one e-mail address as one person, however their records spell it", () => {
    expect(sameEmail("Ada.King@Example.com", " ada.king@example.COM")).toBe(true);
    expect(sameEmail("ada.king@example.com", "ada.king+news@example.com")).toBe(false);
    // A Contact tied to an Individual and a Lead with no tie: one mailbox, one person.
    expect(peopleHolding("email", ["0PK000000000001", undefined])).toBe(1);
    expect(peopleHolding("email", [undefined, undefined, undefined])).toBe(1);
  });

  it("counts several people on one e-mail address only when the vendor keeps them apart", () => {
    expect(peopleHolding("email", ["0PK000000000001", "0PK000000000002", undefined])).toBe(2);
  });

  it("counts each untied holder of a phone number as a person of its own (a household's line)", () => {
    expect(peopleHolding("phone", [undefined, undefined])).toBe(2);
    expect(peopleHolding("phone", ["p1", "p1", undefined])).toBe(2);
    expect(peopleHolding("phone", [])).toBe(0);
  });
});
