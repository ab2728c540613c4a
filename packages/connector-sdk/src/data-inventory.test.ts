import { z } from "zod";
import { describe, expect, it } from "vitest";
import { dataCategoriesOf, inventoryProblems, isIsoDuration, type RecordTypeInventory } from "./data-inventory";
import { durationInWords, processingFor } from "./export-declarations";
import { schemaDeclaresPath } from "./schema-field-paths";

const call: RecordTypeInventory = {
  categories: ["voice", "contact"],
  fields: { "participants.*.aor": ["contact"], audio: ["voice"] },
  purposes: ["Keeping evidence of what was agreed on a call"],
  lawfulBasis: "legitimate-interests",
  basisNote: "proving agreements",
  retention: { period: "P2Y", from: "the end of the call" },
};
const schemas = {
  call: z.looseObject({ audio: z.string(), participants: z.array(z.object({ aor: z.string() })).optional() }),
};

describe("the data inventory", () => {
  it("finds nothing wrong with a complete entry for every record type", () => {
    expect(inventoryProblems({ recordSchemas: schemas, inventory: { call } })).toEqual([]);
    expect(dataCategoriesOf({ inventory: { call } })).toEqual({ call: ["voice", "contact"] });
  });

  it("names an empty entry's every gap and an entry for a type without a schema", () => {
    const empty = { categories: [], fields: {}, purposes: [], lawfulBasis: "because", retention: { period: "P", from: "x" } };
    expect(inventoryProblems({ recordSchemas: schemas, inventory: { call: empty, ghost: call } })).toEqual([
      'its inventory of "call" names no categories of personal data',
      'its inventory of "call" names no fields that hold personal data',
      'its inventory of "call" states no purpose',
      expect.stringContaining('its inventory of "call" has lawful basis "because"'),
      'its inventory of "call" has retention period "P", not an ISO 8601 duration',
      'declares inventory for record type "ghost", which has no schema',
    ]);
  });

  it("refuses a field whose categories the type does not declare", () => {
    const lying = { ...call, fields: { audio: ["voice", "location"] } } as RecordTypeInventory;
    expect(inventoryProblems({ recordSchemas: schemas, inventory: { call: lying } })).toEqual([
      'its inventory of "call" gives field "audio" categories the type does not declare (location)',
    ]);
  });

  it("reads ISO 8601 durations and says them in words", () => {
    expect([isIsoDuration("P7Y"), isIsoDuration("PT36H"), isIsoDuration("7 years"), isIsoDuration("P")]).toEqual([true, true, false, false]);
    expect(durationInWords("P1Y6M")).toBe("1 year 6 months");
    expect(durationInWords("P30D")).toBe("30 days");
    expect(durationInWords("PT36H")).toBe("36 hours");
  });

  it("finds declared field paths through optional, array and nested schemas, and not catch-all keys", () => {
    expect(schemaDeclaresPath(schemas.call, "participants.*.aor")).toBe(true);
    expect(schemaDeclaresPath(schemas.call, "participants.aor")).toBe(false);
    expect(schemaDeclaresPath(schemas.call, "undeclared")).toBe(false);
  });
});

describe("processingFor", () => {
  it("takes purposes, basis and retention from the inventory and recipients and source from the declaration", () => {
    const processing = { recipients: ["Our staff"], source: "Calls", recordTypes: { call: { source: "The call itself" } } };
    expect(processingFor({ inventory: { call }, processing }, "call")).toEqual({
      purposes: call.purposes,
      lawfulBasis: "Our legitimate interests (GDPR Art. 6(1)(f)): proving agreements",
      recipients: ["Our staff"],
      retention: "2 years from the end of the call",
      source: "The call itself",
    });
  });

  it("says what a connector without an inventory did not declare instead of inventing it", () => {
    expect(processingFor({}, "call")).toEqual({
      purposes: [],
      recipients: [],
      retention: "Not declared by the connector",
      source: "Not declared by the connector",
    });
  });
});
