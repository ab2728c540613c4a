import { describe, expect, it } from "vitest";
import { csvCell, csvHeader, csvRow, flattenRecord } from "./csv-encoding";

describe("CSV encoding", () => {
  it("flattens nested objects into dot-joined columns and JSON-encodes arrays", () => {
    const flat = flattenRecord({
      id: 7,
      address: { city: "Leeds", geo: { lat: 53.8 } },
      tags: ["vip", "late"],
      notes: null,
      meta: {},
      active: true,
    });
    expect([...flat.entries()]).toEqual([
      ["id", 7],
      ["address.city", "Leeds"],
      ["address.geo.lat", 53.8],
      ["tags", '["vip","late"]'],
      ["notes", ""],
      ["meta", "{}"],
      ["active", true],
    ]);
  });

  it("quotes fields holding commas, quotes or line breaks and doubles the quotes (RFC 4180)", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('she said "hi"')).toBe('"she said ""hi"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("cr\r")).toBe('"cr\r"');
  });

  it("prefixes text cells that a spreadsheet would run as a formula with a single quote", () => {
    expect(csvCell("=HYPERLINK(\"http://example.com\")")).toBe("\"'=HYPERLINK(\"\"http://example.com\"\")\"");
    expect(csvCell("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("leaves JSON numbers and booleans unprefixed, even negative ones", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(false)).toBe("false");
    expect(csvCell(undefined)).toBe("");
  });

  it("writes CRLF-terminated rows with empty cells for columns a record lacks", () => {
    const columns = ["id", "email", "address.city"];
    expect(csvHeader(columns)).toBe("id,email,address.city\r\n");
    expect(csvRow(columns, flattenRecord({ id: 1, address: { city: "York, UK" } }))).toBe('1,,"York, UK"\r\n');
  });
});
