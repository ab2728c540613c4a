import { describe, expect, it } from "vitest";
import { malformRecords } from "./malform-records";

const malform = malformRecords({ listKeys: ["records", "data"], requiredField: "createdAt", keptFields: ["id", "url"] });

describe("malformRecords", () => {
  it("drops the required field and puts a number in the first string field not kept, in every listed record", () => {
    const body = { data: [{ id: "a", url: "/a", createdAt: "2024", name: "Ann", note: "x" }], next: null };
    expect(malform(body)).toEqual({ data: [{ id: "a", url: "/a", name: 404, note: "x" }], next: null });
  });

  it("uses the first list key the body has, and makes an empty list a string", () => {
    expect(malform({ records: [], data: [{ id: "a" }] })).toEqual({ records: "unavailable", data: [{ id: "a" }] });
  });

  it("malforms a single record, a bare list, and leaves other values alone", () => {
    expect(malform({ id: "a", createdAt: "2024", name: "Ann" })).toEqual({ id: "a", name: 404 });
    expect(malform([{ id: "a", createdAt: "2024" }])).toEqual([{ id: "a" }]);
    expect(malform("text")).toBe("text");
    expect(malform(null)).toBeNull();
  });
});
