import { describe, expect, it } from "vitest";
import { describeFieldUpdates } from "./field-updates-view-model";

describe("proposed field updates", () => {
  it("labels known fields for a reviewer, keeps a connector's own field names, and shows nothing for none", () => {
    expect(describeFieldUpdates([{ field: "email", value: "ada@example.com" }, { field: "Title", value: "Dr" }])).toEqual([
      { key: "0-email", label: "E-mail address", value: "ada@example.com" },
      { key: "1-Title", label: "Title", value: "Dr" },
    ]);
    expect(describeFieldUpdates(null)).toEqual([]);
  });
});
