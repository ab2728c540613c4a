import { describe, expect, it } from "vitest";
import { textOf } from "./text-of";

describe("textOf", () => {
  it("writes scalars as String() does and everything else as JSON", () => {
    expect(textOf("a b")).toBe("a b");
    expect(textOf(42)).toBe("42");
    expect(textOf(false)).toBe("false");
    expect(textOf(null)).toBe("null");
    expect(textOf({ region: "GB" })).toBe('{"region":"GB"}');
    expect(textOf(["a", 1])).toBe('["a",1]');
    expect(textOf(undefined)).toBe("");
  });
});
