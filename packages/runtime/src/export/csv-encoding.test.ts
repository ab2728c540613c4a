import { describe, expect, it } from "vitest";
import { flattenRecord } from "./csv-encoding";
import { csvChunks } from "./record-files";

async function csvOf(columns: string[], records: Record<string, unknown>[]): Promise<string> {
  const chunks: Uint8Array[] = [];
  async function* listed() {
    yield* records;
  }
  for await (const chunk of csvChunks(columns, listed())) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const cell = async (value: unknown) => (await csvOf(["v"], [{ v: value }])).split("\r\n")[1];

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

  it("quotes fields holding commas, quotes or line breaks and doubles the quotes (RFC 4180)", async () => {
    expect(await cell("plain")).toBe("plain");
    expect(await cell("a,b")).toBe('"a,b"');
    expect(await cell('she said "hi"')).toBe('"she said ""hi"""');
    expect(await csvOf(["v"], [{ v: "line one\nline two" }])).toBe('v\r\n"line one\nline two"\r\n');
    expect(await csvOf(["v"], [{ v: "cr\r" }])).toBe('v\r\n"cr\r"\r\n');
  });

  it("prefixes text cells that a spreadsheet would run as a formula with a single quote", async () => {
    expect(await cell('=HYPERLINK("http://example.com")')).toBe("\"'=HYPERLINK(\"\"http://example.com\"\")\"");
    expect(await cell("+44 20 7946 0000")).toBe("'+44 20 7946 0000");
    expect(await cell("-2+3")).toBe("'-2+3");
    expect(await cell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(await cell("\tcmd")).toBe("'\tcmd");
    expect(await cell("a=b")).toBe("a=b");
    expect(await cell("\uFF1D1+1")).toBe("'\uFF1D1+1");
  });

  it("leaves JSON numbers and booleans unprefixed, even negative ones", async () => {
    expect(await cell(-5)).toBe("-5");
    expect(await cell(false)).toBe("false");
    expect(await cell(true)).toBe("true");
    expect(await cell(undefined)).toBe("");
  });

  it("writes CRLF-terminated rows with empty cells for columns a record lacks, the header guarded too", async () => {
    expect(await csvOf(["id", "email", "address.city"], [{ id: 1, address: { city: "York, UK" } }])).toBe(
      'id,email,address.city\r\n1,,"York, UK"\r\n',
    );
    expect(await csvOf(["=x"], [])).toBe("'=x\r\n");
  });

  it("passes a failure of the records' stream on", async () => {
    async function* failing(): AsyncGenerator<Record<string, unknown>> {
      yield { id: 1 };
      throw new Error("spool unreadable");
    }
    const read = async () => {
      for await (const chunk of csvChunks(["id"], failing())) void chunk;
    };
    await expect(read()).rejects.toThrow("spool unreadable");
  });
});
