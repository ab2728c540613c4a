import { describe, expect, it } from "vitest";
import { isStorableText, unstorableTextIssues } from "./storable-text";

describe("storable text", () => {
  it("refuses NUL and unpaired surrogates, accepts any other unicode", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("lone \uD800 high")).toBe(false);
    expect(isStorableText("lone \uDC00 low")).toBe(false);
    expect(isStorableText("\uDC00\uD800")).toBe(false);
    expect(isStorableText("emoji 😀, Ünïcödé, 中文, \u202Eright-to-left, \u00A0")).toBe(true);
  });

  it("names every offending value and key by its path", () => {
    const issues = unstorableTextIssues(
      { name: "ok", note: "x\u0000", settings: { "k\u0000": "v", list: ["fine", "\uD83D"] } },
      "body",
    );
    expect(issues.map((issue) => issue.path).sort()).toEqual(['body.settings."k\\u0000"', "body.note", "body.settings.list.1"].sort());
  });

  it("walks nesting deeper than the call stack without failing", () => {
    let deep: unknown = "\u0000";
    for (let level = 0; level < 100_000; level += 1) deep = [deep];
    expect(unstorableTextIssues(deep, "body")).toHaveLength(1);
  });
});
