import { describe, expect, it } from "vitest";
import { PersonDirectory, PersonDirectoryError } from "./person-directory";

const seeded = () =>
  new PersonDirectory([
    { id: "p1", role: "subject", identifiers: [{ kind: "email", value: "ada@example.com" }] },
    { id: "p2", role: "bystander", bystanderOf: "p1", identifiers: [{ kind: "phone", value: "+12015550100" }] },
  ]);

describe("PersonDirectory", () => {
  it("attaches a created record to the person sharing an e-mail in any letter case, and gives them its other identifiers", () => {
    const directory = seeded();
    const person = directory.ownerCreated("u9", [{ kind: "email", value: "ADA@Example.com" }], [
      { kind: "email", value: "ada@example.com" },
      { kind: "native_id", value: "u9", system: "x" },
    ]);
    expect(person.id).toBe("p1");
    expect(directory.ownersOf("p1")).toEqual(["p1", "u9"]);
    expect(directory.personOf("u9")?.id).toBe("p1");
    expect(person.identifiers).toEqual([
      { kind: "email", value: "ada@example.com" },
      { kind: "native_id", value: "u9", system: "x" },
    ]);
  });

  it("makes an unknown record a new subject with the owner's key as id", () => {
    const directory = seeded();
    const person = directory.ownerCreated("u10", [{ kind: "email", value: "bo@example.org" }]);
    expect(person).toEqual({ id: "u10", role: "subject", identifiers: [{ kind: "email", value: "bo@example.org" }] });
    expect(directory.people().map((p) => p.id)).toEqual(["p1", "p2", "u10"]);
  });

  it("declares people with a chosen or made-up id, and refuses a taken id or an unknown bystanderOf", () => {
    const directory = seeded();
    expect(directory.declare({ role: "subject", identifiers: [{ kind: "email", value: "cy@example.net" }] }).id).toBe("declared-1");
    expect(directory.declare({ id: "dee", role: "bystander", bystanderOf: "declared-1", identifiers: [{ kind: "email", value: "dee@example.net" }] }).bystanderOf).toBe("declared-1");
    expect(() => directory.declare({ id: "p1", role: "subject", identifiers: [] })).toThrow(PersonDirectoryError);
    expect(() => directory.declare({ role: "bystander", bystanderOf: "nobody", identifiers: [] })).toThrow(/bystanderOf/);
    // A declared person owns nothing until a record with their identifier is created.
    expect(directory.ownersOf("dee")).toEqual([]);
    expect(directory.ownerCreated("u11", [{ kind: "email", value: "Dee@example.net" }]).id).toBe("dee");
    expect(directory.ownersOf("dee")).toEqual(["u11"]);
  });
});

describe("PersonDirectory and shared phone numbers", () => {
  it("does not merge a household: a shared phone decides only for a record with nothing else", () => {
    const directory = seeded();
    expect(directory.match([{ kind: "email", value: "partner@example.com" }, { kind: "phone", value: "+12015550100" }])).toBeUndefined();
    expect(directory.match([{ kind: "phone", value: "+12015550100" }])?.id).toBe("p2");
  });
});
