import { InvalidIdentifierError, UnsupportedRegionError } from "@lethe/core";
import { describe, expect, it } from "vitest";
import { firstInvalidIdentifier } from "./identifier-check";

describe("firstInvalidIdentifier", () => {
  it("is undefined when every identifier is valid", () => {
    expect(firstInvalidIdentifier([{ kind: "email", value: "Ada@Example.com" }, { kind: "phone", value: "020 7946 0018" }], "GB")).toBeUndefined();
  });

  it("names the first identifier core refuses, by position", () => {
    const found = firstInvalidIdentifier(
      [{ kind: "email", value: "ada@example.com" }, { kind: "email", value: "ada@" }, { kind: "phone", value: "12" }],
      "GB",
    );
    expect(found?.index).toBe(1);
    expect(found?.error).toBeInstanceOf(InvalidIdentifierError);
  });

  it("throws what is not about an identifier, such as a region libphonenumber does not know", () => {
    expect(() => firstInvalidIdentifier([{ kind: "phone", value: "020 7946 0018" }], "XX")).toThrow(UnsupportedRegionError);
  });
});
